import type { Db } from "../../db/client";
import { savedSegmentsExist } from "../templates/workspace-vocabulary";

/**
 * A random contact of the workspace, or of one of its saved segments: a random point between
 * the smallest and largest id, then the next id from there along an index, so it costs the
 * same at a million contacts as at ten (ids are not uniformly spaced; a preview does not mind).
 */
export async function randomContactId(db: Db, workspaceId: string, segmentId: string | null, random = Math.random): Promise<string | null> {
  if (segmentId !== null) return randomSegmentMember(db, workspaceId, segmentId, random);
  const [bounds] = await db.$queryRaw<{ low: bigint | null; high: bigint | null }[]>`
    select min(c.id) as low, max(c.id) as high from contact c where c.workspace_id = ${workspaceId}::uuid`;
  if (!bounds?.low || !bounds.high) return null;
  const start = pointBetween(bounds.low, bounds.high, random);
  const [row] = await db.$queryRaw<{ id: string }[]>`
    select c.id::text as id from contact c where c.workspace_id = ${workspaceId}::uuid and c.id >= ${start}::bigint order by c.id limit 1`;
  return row?.id ?? null;
}

async function randomSegmentMember(db: Db, workspaceId: string, segmentId: string, random: () => number): Promise<string | null> {
  if (!(await savedSegmentsExist(db))) return null;
  const [bounds] = await db.$queryRaw<{ low: bigint | null; high: bigint | null }[]>`
    select min(m.contact_id) as low, max(m.contact_id) as high
    from segment_membership m join segment s on s.id = m.segment_id
    where m.segment_id = ${segmentId}::uuid and s.workspace_id = ${workspaceId}::uuid`;
  if (!bounds?.low || !bounds.high) return null;
  const start = pointBetween(bounds.low, bounds.high, random);
  const [row] = await db.$queryRaw<{ id: string }[]>`
    select m.contact_id::text as id from segment_membership m
    where m.segment_id = ${segmentId}::uuid and m.contact_id >= ${start}::bigint order by m.contact_id limit 1`;
  return row?.id ?? null;
}

function pointBetween(low: bigint, high: bigint, random: () => number): bigint {
  return low + BigInt(Math.floor(random() * Number(high - low + 1n)));
}
