import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

/*
 * event_rank holds, for each contact and event name, the times of the contact's most recent
 * events of that name, newest first: rank 1 is the last time, rank 2 the time before, … up to
 * RANK_DEPTH. A contact did E at least N times (N ≤ RANK_DEPTH) in a window ending now exactly
 * when its N-th most recent E falls in the window, as long as it has no E after now; so "viewed a
 * product at least 3 times in the last 30 days" is one range of an index rather than every view
 * of those 30 days read and grouped per contact (see compile-event-ranks.ts).
 *
 * Triggers on event add a row to event_rank_stale for every (contact, name) a statement writes;
 * the worker's refresher recomputes those pairs and removes the rows it has seen. Until then a
 * segment count reads the stale pairs from the events themselves, so counts are exact at every
 * moment, however far behind the refresher is.
 */

/** How many of each contact's most recent events of a name are ranked: enough for "more than 10 times". */
export const RANK_DEPTH = 11;

/** Refreshers and rebuilds of ranks take this lock, so that no two recompute the same pair at once. */
const RANK_LOCK_KEY = 72_707_370;

/** Stale rows read per refresh transaction. */
export const REFRESH_BATCH_ROWS = 20_000;

/** The cron task that refreshes stale ranks (server/worker/schedule.ts). */
export const EVENT_RANK_REFRESH_TASK = "segments.refresh-event-ranks";

/**
 * Asks a worker to refresh stale ranks now (after an import of events) rather than at its next
 * minutely run. One job key: requests made while one is queued collapse into it.
 */
export async function requestEventRankRefresh(db: Db): Promise<void> {
  await db.$executeRaw`
    select graphile_worker.add_job(${EVENT_RANK_REFRESH_TASK}::text, '{}'::json,
      job_key => ${EVENT_RANK_REFRESH_TASK}::text, max_attempts => 3)`;
}

const rankedEventsSql = (depth: number) => `
  select ranked.contact_id, ranked.name, ranked.rank, ranked.workspace_id, ranked.occurred_at
  from (
    select e.contact_id, e.name, e.workspace_id, e.occurred_at,
      row_number() over (partition by e.contact_id, e.name order by e.occurred_at desc, e.id desc) as rank
    from event e where e.workspace_id = $1::uuid
  ) ranked
  where ranked.rank <= ${depth}`;

/**
 * Recomputes the ranks of every contact of a workspace from its events, for bulk loads (the
 * seed writes events with triggers off). One transaction: the stale rows it sees are dropped
 * first, so that the events it then reads (a later snapshot) include all that they stood for.
 */
export async function rebuildEventRanks(client: { query: (text: string, values?: unknown[]) => Promise<unknown> }, workspaceId: string): Promise<void> {
  await client.query("begin");
  try {
    await client.query("select pg_advisory_xact_lock($1)", [RANK_LOCK_KEY]);
    await client.query("delete from event_rank_stale where workspace_id = $1::uuid", [workspaceId]);
    await client.query("delete from event_rank where workspace_id = $1::uuid", [workspaceId]);
    await client.query(
      `insert into event_rank (contact_id, name, rank, workspace_id, occurred_at) ${rankedEventsSql(RANK_DEPTH)}`,
      [workspaceId],
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

type StalePair = { workspace_id: string; contact_id: bigint; name: string };

/**
 * Recomputes the ranks of the stale pairs, a batch per transaction, until none are left (or
 * another refresher holds the lock: it will do them). Each batch removes the stale rows it reads
 * and recomputes their pairs from the events in the same transaction, so a worker killed midway
 * leaves the rows for the next run. Returns how many pairs were recomputed.
 */
export async function refreshStaleEventRanks(
  db: Db,
  options: {
    batchRows?: number;
    signal?: AbortSignal;
    /** Only this workspace's stale pairs. */
    workspaceId?: string;
    /** Wait for another refresher to finish rather than leaving the work to it. */
    wait?: boolean;
  } = {},
): Promise<number> {
  const batchRows = options.batchRows ?? REFRESH_BATCH_ROWS;
  const inWorkspace = options.workspaceId ? Prisma.sql`where workspace_id = ${options.workspaceId}::uuid` : Prisma.empty;
  let refreshed = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const batch = await db.$transaction(
      async (tx) => {
        if (options.wait) await tx.$queryRaw`select pg_advisory_xact_lock(${RANK_LOCK_KEY})::text`;
        else {
          const [lock] = await tx.$queryRaw<{ taken: boolean }[]>`select pg_try_advisory_xact_lock(${RANK_LOCK_KEY}) as taken`;
          if (!lock?.taken) return null;
        }
        // Removes only the rows this statement's snapshot sees; the recompute below reads a later one.
        const pairs = await tx.$queryRaw<StalePair[]>`
          with taken as (
            delete from event_rank_stale where id in (select id from event_rank_stale ${inWorkspace} order by id limit ${batchRows}::int)
            returning workspace_id, contact_id, name)
          select distinct workspace_id::text, contact_id, name from taken`;
        if (pairs.length === 0) return 0;
        const contacts = pairs.map((pair) => pair.contact_id);
        const names = pairs.map((pair) => pair.name);
        await tx.$executeRaw`
          delete from event_rank r using unnest(${contacts}::bigint[], ${names}::text[]) as p(contact_id, name)
          where r.contact_id = p.contact_id and r.name = p.name`;
        await tx.$executeRaw`
          insert into event_rank (contact_id, name, rank, workspace_id, occurred_at)
          select p.contact_id, p.name, recent.rank, p.workspace_id, recent.occurred_at
          from unnest(${pairs.map((pair) => pair.workspace_id)}::uuid[], ${contacts}::bigint[], ${names}::text[]) as p(workspace_id, contact_id, name)
          cross join lateral (
            select e.occurred_at, row_number() over (order by e.occurred_at desc, e.id desc) as rank
            from event e where e.contact_id = p.contact_id and e.name = p.name
            order by e.occurred_at desc, e.id desc limit ${RANK_DEPTH}::int
          ) recent`;
        return pairs.length;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (batch === null || batch === 0) return refreshed;
    refreshed += batch;
  }
}
