import type { Db } from "../../db/client";
import type { Import, JobRun } from "../../db/generated/client";
import { UserFacingError } from "../../errors";
import { DELIMITER_LABELS } from "./csv-format";
import { ATTRIBUTE_PREFIX, customNameFromHeader, type FieldChoice, type ImportKind, PROPERTY_PREFIX, standardFieldChoices } from "./fields";
import { storedOptionsSchema } from "./schemas";
import { suggestMapping } from "./suggest-mapping";

export type ImportStatus = "pending" | "queued" | "running" | "succeeded" | "failed";

const RECENT_IMPORTS = 20;
const ERRORS_SHOWN = 10;

type ImportWithRun = Import & {
  createdBy: { name: string } | null;
  jobRun: Pick<JobRun, "status" | "error"> | null;
};

function statusOf(row: ImportWithRun): ImportStatus {
  if (!row.jobRunId) return "pending";
  // The import's own end is written with its last batch, a moment before the job's status.
  if (row.finishedAt) return "succeeded";
  return row.jobRun?.status ?? "queued";
}

function percentOf(status: ImportStatus, processed: number, total: number | null): number | null {
  if (status === "succeeded") return 100;
  if (!total) return null;
  return Math.min(100, Math.floor((processed / total) * 100));
}

function toSummary(row: ImportWithRun) {
  const status = statusOf(row);
  return {
    id: row.id,
    kind: (row.kind === "events" ? "events" : "contacts") as ImportKind,
    fileName: row.fileName,
    fileSizeBytes: Number(row.fileSize),
    status,
    rowsTotal: row.rowsTotal,
    rowsProcessed: row.rowsProcessed,
    rowsImported: row.rowsImported,
    rowsFailed: row.rowsFailed,
    percent: percentOf(status, row.rowsProcessed, row.rowsTotal),
    error: status === "failed" || status === "queued" ? (row.jobRun?.error ?? null) : null,
    createdByName: row.createdBy?.name ?? null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

export type ImportSummary = ReturnType<typeof toSummary>;

async function loadImports(db: Db, where: { workspaceId: string; id?: string }, take: number): Promise<ImportWithRun[]> {
  const rows = await db.import.findMany({
    // Uploads still streaming in have no row estimate yet.
    where: { ...where, rowsTotal: { not: null } },
    include: { createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  const runIds = rows.flatMap((row) => (row.jobRunId ? [row.jobRunId] : []));
  const runs = runIds.length
    ? await db.jobRun.findMany({ where: { id: { in: runIds }, workspaceId: where.workspaceId }, select: { id: true, status: true, error: true } })
    : [];
  const runById = new Map(runs.map((run) => [run.id, run]));
  return rows.map((row) => ({ ...row, jobRun: row.jobRunId ? (runById.get(row.jobRunId) ?? null) : null }));
}

/** The workspace's most recent imports, newest first. */
export async function listImports(db: Db, workspaceId: string): Promise<ImportSummary[]> {
  return (await loadImports(db, { workspaceId }, RECENT_IMPORTS)).map(toSummary);
}

export type ImportDetail = ImportSummary & {
  delimiter: string;
  header: string[];
  previewRows: string[][];
  /** The chosen mapping once started, else the one suggested from the header. */
  mapping: (string | null)[];
  existing: string;
  eventName: string | null;
  fieldChoices: FieldChoice[];
  /** Per column, the custom attribute (contacts) or property (events) its header would make, if any. */
  customTargets: (string | null)[];
  errors: { line: number; field: string | null; reason: string }[];
};

/** One import with its preview, mapping and first errors; another workspace's import is not found. */
export async function getImport(db: Db, workspaceId: string, id: string): Promise<ImportDetail> {
  const [row] = await loadImports(db, { workspaceId, id }, 1);
  if (!row) throw new UserFacingError("NOT_FOUND", "That import does not exist in this workspace.");
  const summary = toSummary(row);
  const options = storedOptionsSchema.parse(row.options);
  const upload = options.upload;
  const chosen = Array.isArray(row.mapping) ? row.mapping.map((target) => (typeof target === "string" ? target : null)) : [];
  const errors = await db.importError.findMany({
    where: { importId: row.id },
    orderBy: { line: "asc" },
    take: ERRORS_SHOWN,
    select: { line: true, field: true, reason: true },
  });
  return {
    ...summary,
    delimiter: DELIMITER_LABELS[upload.format.delimiter],
    header: upload.header,
    previewRows: upload.previewRows,
    mapping: options.run ? chosen : suggestMapping(summary.kind, upload.header),
    existing: options.run?.existing ?? "update",
    eventName: options.run?.eventName ?? null,
    fieldChoices: standardFieldChoices(summary.kind),
    customTargets: upload.header.map((column) => {
      const name = customNameFromHeader(column);
      return name ? (summary.kind === "contacts" ? ATTRIBUTE_PREFIX : PROPERTY_PREFIX) + name : null;
    }),
    errors,
  };
}
