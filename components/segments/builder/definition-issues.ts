import { nodeIdAtPath, type BuilderTree } from "./builder-tree";

/** A validation message placed on the builder node at fault. */
export type NodeIssue = { nodeId: string; field?: string; message: string };

type PreviewError = { message: string; data?: { code?: string; field?: string | null } | null } | null;

/**
 * The server names the condition at fault in `data.field`: validation errors as "root.children[1]
 * (window.to): The end date is before the start date." (validate.ts, SegmentDefinitionError),
 * others (a segment reference that makes a cycle, references.ts) with a plain message.
 * Returns that message on the builder node at that path, or null when the error names no node.
 */
export function issueFromPreviewError(tree: BuilderTree, error: PreviewError): NodeIssue | null {
  const path = error?.data?.field;
  if (!error || !path) return null;
  const nodeId = nodeIdAtPath(tree, path);
  if (!nodeId) return null;
  if (!error.message.startsWith(path)) return { nodeId, message: error.message };
  const rest = error.message.slice(path.length);
  const match = /^(?: \(([^)]*)\))?: ([\s\S]*)$/.exec(rest);
  if (!match) return { nodeId, message: error.message };
  return { nodeId, ...(match[1] ? { field: match[1] } : {}), message: match[2]! };
}
