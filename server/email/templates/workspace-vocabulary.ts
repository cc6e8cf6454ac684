import type { Db } from "../../db/client";

/** Contacts read to discover custom attribute keys (as the segment builder does): bounded at a million contacts. */
const ATTRIBUTE_SAMPLE_SIZE = 10_000;
const MAX_KEYS = 500;

/** What a template may name in this workspace beyond the fixed vocabulary: attribute keys and saved segments. */
export type WorkspaceVocabulary = { attributeKeys: string[]; segmentIds: string[] };

export async function workspaceVocabulary(db: Db, workspaceId: string): Promise<WorkspaceVocabulary> {
  const [attributeRows, segmentIds] = await Promise.all([
    db.$queryRaw<{ key: string }[]>`
      select distinct k.key
      from (select c.attributes from contact c where c.workspace_id = ${workspaceId}::uuid and jsonb_typeof(c.attributes) = 'object'
            limit ${ATTRIBUTE_SAMPLE_SIZE}::int) s
        cross join lateral jsonb_object_keys(s.attributes) as k(key)
      order by k.key
      limit ${MAX_KEYS}::int`,
    savedSegmentIds(db, workspaceId),
  ]);
  return { attributeKeys: attributeRows.map((row) => row.key), segmentIds };
}

/** Saved segments of the workspace; none while the saved-segments migration has not run. */
export async function savedSegmentIds(db: Db, workspaceId: string): Promise<string[]> {
  if (!(await savedSegmentsExist(db))) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`select s.id::text as id from segment s where s.workspace_id = ${workspaceId}::uuid`;
  return rows.map((row) => row.id);
}

export async function savedSegmentsExist(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`select to_regclass('public.segment_membership') is not null as present`;
  return row?.present ?? false;
}
