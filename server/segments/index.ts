// The segments domain's public surface for other domains (campaigns, automation, the worker).
export { compileSegmentToSql, compileSegmentWhere, type CompileOptions } from "./compile";
export { countSegment, explainSegment, sampleSegment, SEGMENT_QUERY_TIMEOUT_MS } from "./count-segment";
export type { Condition, Group, SegmentDefinition, SegmentNode } from "./definition";
export { segmentDefinitionSchema, SEGMENT_DEFINITION_VERSION } from "./definition";
export { resolveSegmentReferences, segmentReferences, type LoadSegmentDefinition, type ResolvedSegments } from "./references";
export { summarizeSegment } from "./summary";
export { SEGMENT_TEMPLATES, type SegmentTemplate } from "./templates";
export { parseSegmentDefinition, validateSegmentDefinition, SegmentDefinitionError, type SegmentDefinitionIssue } from "./validate";
