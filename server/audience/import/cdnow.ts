import { createReadStream } from "node:fs";
import path from "node:path";
import type { Db } from "../../db/client";
import { CDNOW_EVENT_NAME, CDNOW_MAPPING, cdnowAsCsv } from "./cdnow-format";
import { type ImportActor, startImport } from "./start-import";
import { storeUpload } from "./upload";

export const CDNOW_FILE = "/work/shared/datasets/cdnow/CDNOW_master.txt";

/**
 * Uploads the CDNOW purchase log (converted to CSV on the fly) and starts it as an events
 * import: one contact per customer id, one "Order Completed" event per row, revenue in dollars.
 */
export async function startCdnowImport(db: Db, actor: ImportActor, file = CDNOW_FILE): Promise<{ id: string; jobRunId: string }> {
  const { id } = await storeUpload(db, actor, {
    kind: "events",
    fileName: `${path.basename(file, path.extname(file))}.csv`,
    body: cdnowAsCsv(createReadStream(file)),
  });
  return startImport(db, actor, { id, mapping: [...CDNOW_MAPPING], existing: "update", eventName: CDNOW_EVENT_NAME });
}

export type CdnowTotals = { contacts: number; events: number; revenue: number };

/** What the workspace holds from CDNOW: customers with an imported purchase, purchases, revenue. */
export async function cdnowTotals(db: Db, workspaceId: string): Promise<CdnowTotals> {
  const [row] = await db.$queryRaw<{ contacts: bigint; events: bigint; revenue: number | null }[]>`
    select count(distinct contact_id) as contacts, count(*) as events, sum(revenue) as revenue
    from event where workspace_id = ${workspaceId}::uuid and message_id like 'cdnow-%'`;
  return { contacts: Number(row?.contacts ?? 0), events: Number(row?.events ?? 0), revenue: row?.revenue ?? 0 };
}
