import type { Template } from "liquidjs";
import type { EmailDocument } from "./document";
import { documentFields, type DocumentField } from "./fields";
import { ALLOWED_FILTERS, ALLOWED_TAGS, plainLiquid } from "./liquid";
import { childTemplates, isOutput, isTag, positionOf } from "./liquid-tree";
import { KNOWN_VARIABLE_PATHS, PRODUCT_VARIABLE_PATHS } from "./scope";

export type LintIssue = {
  blockId: string | null;
  path: string;
  kind: "syntax" | "unsupported" | "unknown_variable";
  message: string;
  /** 1-based, within the field. */
  line: number;
  column: number;
};

export type LintOptions = {
  /** The workspace's custom attribute keys (`contact.attributes.<key>`). */
  attributeKeys: readonly string[];
};

/** Checks every Liquid field of a document: syntax, allowed tags and filters, known variables. */
export function lintTemplate(document: EmailDocument, options: LintOptions): LintIssue[] {
  const attributeKeys = new Set(options.attributeKeys);
  return documentFields(document).flatMap((field) => lintField(field, attributeKeys));
}

export function lintField(field: DocumentField, attributeKeys: ReadonlySet<string>): LintIssue[] {
  if (!field.source.includes("{")) return [];
  const at = (kind: LintIssue["kind"], message: string, position: { line: number; column: number }): LintIssue => ({
    blockId: field.blockId,
    path: field.path,
    kind,
    message,
    ...position,
  });
  let templates: Template[];
  try {
    templates = plainLiquid.parse(field.source);
  } catch (error) {
    return [at("syntax", syntaxMessage(error), syntaxPosition(error))];
  }
  const issues = unsupportedNodes(templates).map(({ message, template }) => at("unsupported", message, positionOf(template)));
  if (issues.length > 0) return issues;
  const { globals } = plainLiquid.analyzeSync(templates, { partials: false });
  for (const variables of Object.values(globals)) {
    for (const variable of variables) {
      const path = staticPath(variable.segments);
      const problem = unknownVariableProblem(path, field.locals ?? [], attributeKeys);
      if (problem) issues.push(at("unknown_variable", problem, { line: variable.location.row, column: variable.location.col }));
    }
  }
  return issues;
}

function unsupportedNodes(templates: readonly Template[]): { message: string; template: Template }[] {
  return templates.flatMap((template) => {
    if (isTag(template) && !ALLOWED_TAGS.has(template.name)) {
      return [{ message: `The {% ${template.name} %} tag is not available in emails`, template }];
    }
    const filters = isOutput(template) ? template.value.filters : [];
    const refused = filters
      .filter((filter) => !ALLOWED_FILTERS.has(filter.name))
      .map((filter) => ({
        message: filter.name === "raw" ? "Values are always HTML-escaped: the raw filter is not allowed in email content" : `The ${filter.name} filter is not available in emails`,
        template,
      }));
    return [...refused, ...childTemplates(template).flatMap(unsupportedNodes)];
  });
}

/** The dotted path up to the first dynamic segment: `contact.attributes[key]` → `contact.attributes`. */
function staticPath(segments: readonly unknown[]): string[] {
  const path: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== "string" && typeof segment !== "number") break;
    path.push(String(segment));
  }
  return path;
}

const ARRAY_HELPERS = new Set(["size", "first", "last"]);

function unknownVariableProblem(path: string[], locals: readonly string[], attributeKeys: ReadonlySet<string>): string | null {
  const name = path.join(".");
  const [root, second, third] = path;
  if (root === "contact" && second === "attributes" && third !== undefined) {
    return attributeKeys.has(third) ? null : `Unknown contact attribute "${third}"`;
  }
  const known = locals.includes(root ?? "") ? [...PRODUCT_VARIABLE_PATHS, ...locals] : KNOWN_VARIABLE_PATHS;
  const matches = known.some((k) => name === k || name.startsWith(`${k}.`) || k.startsWith(`${name}.`));
  if (matches) return null;
  const parent = path.slice(0, -1).join(".");
  if (ARRAY_HELPERS.has(path.at(-1) ?? "") && known.some((k) => parent === k || parent.startsWith(`${k}.`))) return null;
  return `Unknown variable "${name}"`;
}

function syntaxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, line:\d+, col:\d+$/, "");
}

function syntaxPosition(error: unknown): { line: number; column: number } {
  const token = typeof error === "object" && error !== null && "token" in error ? (error as { token?: { getPosition?: () => number[] } }).token : undefined;
  const [line = 1, column = 1] = token?.getPosition?.() ?? [];
  return { line, column };
}
