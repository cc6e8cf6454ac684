// The CSV import's public surface for the rest of the app (routes, worker task, scripts).
export { deleteAbandonedUploads } from "./abandoned-uploads";
export { errorsCsvLines, findImportForErrors } from "./errors-csv";
export { IMPORT_KINDS, type ImportKind } from "./fields";
export { importsRouter } from "./router";
export { DEFAULT_BATCH_ROWS, type ImportOutcome, ImportNotRunnable, runImport } from "./run-import";
export { importKindSchema } from "./schemas";
export { startImport, type ImportActor } from "./start-import";
export { MAX_UPLOAD_BYTES, storeUpload, UploadTooLargeError } from "./upload";
export { getImport, listImports, type ImportDetail, type ImportStatus, type ImportSummary } from "./view";
export { CDNOW_FILE, cdnowTotals, startCdnowImport, type CdnowTotals } from "./cdnow";
