// Saved segments: one use case per file; the router, the worker and the export route call these.
export { type SegmentActor } from "./actor";
export { createSegment } from "./create-segment";
export { deleteSegment, SegmentInUseError } from "./delete-segment";
export { segmentDependents, type SegmentDependent } from "./dependents";
export { exportMemberCsvLines, findSegmentForExport } from "./export-members";
export { getSegment, type SegmentDetail } from "./get-segment";
export { listSegmentRefreshes } from "./list-refreshes";
export { listSegments, type SegmentListItem } from "./list-segments";
export { listSegmentVersions } from "./list-versions";
export { findSegmentOrThrow, savedSegmentLoader } from "./load-segment";
export { refreshSegment, type RefreshResult, type RefreshSegmentArgs } from "./refresh-segment";
export { createSegmentSchema, segmentIdSchema, updateSegmentSchema } from "./schemas";
export { startSegmentRefresh } from "./start-refresh";
export { updateSegment } from "./update-segment";
