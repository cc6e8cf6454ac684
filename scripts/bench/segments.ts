// `npm run bench:segments [-- --contacts N --events M --runs 20 --warmups 2]`: times the count of
// five representative segments on a generated audience of 1,000,000 contacts and 10,000,000
// events, the refresh of a saved segment, and the worker's re-ranking of the recent events of one
// contact in twenty (server/segments/event-ranks.ts). Uses its own embedded Postgres in
// .data/bench-segments (kept between runs; the audience is generated once and reused while the
// workspace holds the requested counts), or DATABASE_URL when set.
// `--shared-buffers 128MB` sizes the embedded server's cache; by default it gets the product's (server/db/embedded.ts: a quarter of the memory).
// Writes EXPLAIN (ANALYZE, BUFFERS) of each count to .data/bench-segments/plans.txt (next to the
// cluster, which Postgres owns) and prints, as its last line:
// {"bench":"segments","contacts":N,"events":N,"p50_ms":{…},"p95_ms":{…},"refresh_ms":X}
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../../server/db/client";
import type { EmbeddedDatabase } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { countSegment, explainSegment } from "../../server/segments/count-segment";
import { refreshStaleEventRanks } from "../../server/segments/event-ranks";
import { DEMO_WORKSPACES, seedDemoData } from "../../prisma/seed/demo";
import { generateAudience } from "../../prisma/seed/generate-audience";
import { BENCH_SEGMENTS } from "./segments-definitions";
import { timeRefresh } from "./segments-refresh";
import { startBenchPostgres } from "./segments-server";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "1000000" },
    events: { type: "string", default: "10000000" },
    runs: { type: "string", default: "20" },
    warmups: { type: "string", default: "2" },
    seed: { type: "string", default: "42" },
    /** The embedded server's shared_buffers (e.g. 128MB); the product's default (a quarter of the memory) when not given. */
    "shared-buffers": { type: "string" },
  },
});
const contactsWanted = Number(args.contacts);
const eventsWanted = Number(args.events);
const runs = Number(args.runs);
const warmups = Number(args.warmups);
/** Long enough that a slow plan is measured rather than cut off by the builder's 5 s limit. */
const BENCH_TIMEOUT_MS = 120_000;

const benchDir = path.resolve(import.meta.dirname, "../../.data/bench-segments");
const dataDir = path.join(benchDir, "pg");
const plansFile = path.join(benchDir, args["shared-buffers"] ? `plans-shared-buffers-${args["shared-buffers"]}.txt` : "plans.txt");

function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Math.round(sortedMs[Math.max(0, index)]! * 10) / 10;
}

async function audienceCounts(db: Db, workspaceId: string) {
  const [row] = await db.$queryRaw<{ contacts: bigint; events: bigint }[]>`
    select (select count(*) from contact where workspace_id = ${workspaceId}::uuid) as contacts,
           (select count(*) from event where workspace_id = ${workspaceId}::uuid) as events`;
  return { contacts: Number(row!.contacts), events: Number(row!.events) };
}

/** The generated year ends at the moment of the load; windows ("last 30 days") are counted back from its last event. */
async function audienceNow(db: Db, workspaceId: string): Promise<Date> {
  const [row] = await db.$queryRaw<{ last: Date | null }[]>`
    select max(occurred_at) as last from event where workspace_id = ${workspaceId}::uuid and name = 'Page Viewed'`;
  return new Date((row?.last ?? new Date()).getTime() + 60_000);
}

let embedded: EmbeddedDatabase | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  console.log(`starting an embedded Postgres in ${path.relative(process.cwd(), dataDir)}`);
  embedded = await startBenchPostgres(dataDir, args["shared-buffers"]);
  url = embedded.url;
}
try {
  await migrateDatabase(url);
  const db = createDb(url, 4);
  await seedDemoData(db);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
  let counts = await audienceCounts(db, workspace.id);
  if (counts.contacts !== contactsWanted || counts.events !== eventsWanted) {
    if (!embedded) throw new Error(`DATABASE_URL holds ${counts.contacts} contacts / ${counts.events} events; the bench reseeds only its own database.`);
    console.log(`generating ${contactsWanted} contacts and ${eventsWanted} events (once; later runs reuse them)`);
    let lastReport = 0;
    await generateAudience({
      databaseUrl: url,
      workspaceId: workspace.id,
      contacts: contactsWanted,
      events: eventsWanted,
      seed: Number(args.seed),
      replace: true,
      onProgress: ({ phase, contacts, events }) => {
        if (phase === "loading" && Date.now() - lastReport < 10_000) return;
        lastReport = Date.now();
        console.log(`  ${phase}: ${contacts} contacts, ${events} events`);
      },
    });
    counts = await audienceCounts(db, workspace.id);
  }
  // The worker keeps each contact's event ranks fresh (segments/event-ranks.ts); catch up as it would.
  const ranksStarted = performance.now();
  const refreshedPairs = await refreshStaleEventRanks(db, { workspaceId: workspace.id, wait: true });
  if (refreshedPairs) console.log(`refreshed the event ranks of ${refreshedPairs} contact/event pairs in ${Math.round(performance.now() - ranksStarted)} ms`);
  const [memory] = await db.$queryRaw<{ shared_buffers: string; work_mem: string }[]>`
    select current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem`;
  console.log(`audience: ${counts.contacts} contacts, ${counts.events} events; shared_buffers ${memory!.shared_buffers}; vacuum analyze…`);
  await db.$executeRawUnsafe("vacuum analyze contact, contact_facts, event, event_rank, event_rank_stale, contact_consent, suppression");

  const now = await audienceNow(db, workspace.id);
  const options = { workspaceId: workspace.id, now, timeoutMs: BENCH_TIMEOUT_MS };
  const p50: Record<string, number> = {};
  const p95: Record<string, number> = {};
  const plans: string[] = [`segment count plans, ${counts.contacts} contacts, ${counts.events} events, now = ${now.toISOString()}`];
  for (const [name, definition] of Object.entries(BENCH_SEGMENTS)) {
    let matching = 0;
    for (let i = 0; i < warmups; i++) matching = await countSegment(db, definition, options);
    const timesMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      matching = await countSegment(db, definition, options);
      timesMs.push(performance.now() - started);
    }
    timesMs.sort((a, b) => a - b);
    p50[name] = percentile(timesMs, 50);
    p95[name] = percentile(timesMs, 95);
    console.log(`${name}: ${matching} contacts, p50 ${p50[name]} ms, p95 ${p95[name]} ms`);
    plans.push(`\n=== ${name} (${matching} contacts)\n${await explainSegment(db, definition, options)}`);
  }
  await mkdir(benchDir, { recursive: true });
  await writeFile(plansFile, plans.join("\n") + "\n");
  console.log(`plans written to ${path.relative(process.cwd(), plansFile)}`);

  // The refresher's pace, as after an import: mark pairs stale again and time their re-ranking.
  const marked = await db.$executeRaw`
    insert into event_rank_stale (workspace_id, contact_id, name)
    select workspace_id, contact_id, name from event_rank
    where workspace_id = ${workspace.id}::uuid and rank = 1 and contact_id % 20 = 0`;
  const rerankStarted = performance.now();
  const reranked = await refreshStaleEventRanks(db, { workspaceId: workspace.id, wait: true });
  const rerankMs = performance.now() - rerankStarted;
  console.log(`re-ranked ${reranked} of ${marked} re-marked contact/event pairs in ${Math.round(rerankMs)} ms (${Math.round(reranked / (rerankMs / 1000))} pairs/s)`);

  const refresh = await timeRefresh(db, { workspaceId: workspace.id, now, definition: BENCH_SEGMENTS.nested_mix, runs: 3 });
  console.log(`refresh of a saved segment (nested mix): ${refresh.members} members in ${refresh.ms} ms`);
  await db.$disconnect();
  console.log(JSON.stringify({ bench: "segments", contacts: counts.contacts, events: counts.events, p50_ms: p50, p95_ms: p95, refresh_ms: refresh.ms }));
} finally {
  await embedded?.stop();
}
