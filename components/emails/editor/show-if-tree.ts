import { nodeIdAtPath, type BuilderTree } from "@/components/segments/builder/builder-tree";
import type { NodeIssue } from "@/components/segments/builder/definition-issues";
import type { TemplateIssue } from "@/server/email/templates/template-issues";

/** A draft's shape error inside a condition: `blocks.2.showIf.children.1.children.0.value`. */
const SHAPE_PATH = /(?:^|\.)showIf((?:\.children\.\d+)*)(?:\.([A-Za-z.]+?))?(?:\.\d+)?$/;
/** A rule broken by a condition, as validate.ts names it: "Condition 2.1: …". */
const RULE_MESSAGE = /^Condition (\d+(?:\.\d+)*): ([\s\S]*)$/;

/**
 * The first issue of a block that belongs to one node of its show-if condition, errors before
 * warnings, placed on that node of the builder's tree so the condition row shows it (and marks
 * the field at fault). The builder shows one issue at a time, so the one that blocks saving wins.
 */
export function showIfIssue(tree: BuilderTree, issues: readonly TemplateIssue[]): NodeIssue | null {
  const errorsFirst = [...issues].sort((a, b) => Number(a.severity !== "error") - Number(b.severity !== "error"));
  for (const issue of errorsFirst) {
    const rule = issue.path === "showIf" ? RULE_MESSAGE.exec(issue.message) : null;
    if (rule) {
      const path = `root${rule[1]!.split(".").map((n) => `.children[${Number(n) - 1}]`).join("")}`;
      const nodeId = nodeIdAtPath(tree, path);
      if (nodeId) return { nodeId, message: rule[2]! };
      continue;
    }
    const shape = issue.path === "showIf" ? null : SHAPE_PATH.exec(issue.path);
    if (!shape || !shape[1]) continue;
    const nodeId = nodeIdAtPath(tree, `root${shape[1].replace(/\.children\.(\d+)/g, ".children[$1]")}`);
    if (nodeId) return { nodeId, message: issue.message, ...(shape[2] ? { field: shape[2] } : {}) };
  }
  return null;
}
