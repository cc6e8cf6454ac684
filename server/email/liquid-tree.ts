import { Output, Tag, type Template } from "liquidjs";

/*
 * Typed views of the liquidjs parse tree for the tags Tailor allows. liquidjs exports the node
 * classes but keeps some tag fields untyped or private, so the shapes read here are declared once,
 * in this file, and pinned by the tests (liquid-compile.test.ts compares against liquidjs itself).
 */

export type Branch = { value: Output["value"]; templates: Template[] };
export type IfLikeTag = Tag & { branches: Branch[]; elseTemplates: Template[] | undefined };
export type ForTag = Tag & {
  variable: string;
  collection: Output["value"]["initial"]["postfix"][number];
  hash: { hash: Record<string, Output["value"]["initial"]["postfix"][number] | undefined> };
  templates: Template[];
  elseTemplates: Template[];
};
export type AssignTag = Tag & { key: string; value: Output["value"] };

export function isTag(template: Template): template is Tag {
  return template instanceof Tag;
}

export function isOutput(template: Template): template is Output {
  return template instanceof Output;
}

/** The nested template lists of an allowed block tag (if/unless/for); empty for other nodes. */
export function childTemplates(template: Template): Template[][] {
  if (!isTag(template)) return [];
  if (template.name === "if" || template.name === "unless") {
    const tag = template as IfLikeTag;
    return [...tag.branches.map((branch) => branch.templates), tag.elseTemplates ?? []];
  }
  if (template.name === "for") {
    const tag = template as ForTag;
    return [tag.templates, tag.elseTemplates];
  }
  return [];
}

/** 1-based line and column of a node's source within its field. */
export function positionOf(template: Template): { line: number; column: number } {
  const [line = 1, column = 1] = template.token.getPosition();
  return { line, column };
}
