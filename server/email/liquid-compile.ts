import { Context, Drop, TokenKind, type Liquid, type Template, type Token } from "liquidjs";
import { ALLOWED_FILTERS, stringifyLiquid } from "./liquid";
import { isOutput, isTag, type AssignTag, type ForTag, type IfLikeTag } from "./liquid-tree";

/*
 * Compiles a liquidjs parse tree into plain JS closures, once per template version. liquidjs
 * stays the parser and the reference: evaluating its tree walks generators and allocates scopes
 * per output, ~300 µs for the newsletter; these closures do the same work in a few µs.
 * Only the subset the linter allows is compiled (if/unless/for/assign/comments, the allowed
 * filters, comparison operators); anything else falls back to liquidjs' own renderer, so output
 * never depends on which path ran. liquid-compile.test.ts holds the two to identical output.
 * Semantics mirrored from liquidjs 10: scope lookup (loop scopes, then assigns, then the render
 * scope), own-property reads, `size`/`first`/`last`, truthiness (only nil and false are falsy),
 * for-loop modifiers in offset/limit/reversed order. Filters run liquidjs' own implementations.
 */

/** A parsed template, ready to evaluate against a scope. */
export type LiquidProgram = (scope: Record<string, unknown>) => string;

type Frame = { env: Record<string, unknown>; assigned: Record<string, unknown>; slots: unknown[] };
type Render = (frame: Frame) => string;
type Evaluate = (frame: Frame) => unknown;
type Filter = { name: string; args: unknown[] };
type Lexical = { names: Map<string, number>; nextSlot: { value: number } };

export class UnsupportedLiquid extends Error {}

const hasOwn = Object.prototype.hasOwnProperty;

function readArrayElement(array: unknown[], index: number): unknown {
  const at = index < 0 ? array.length + index : index;
  return hasOwn.call(array, at) ? array[at] : undefined;
}

function readProperty(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) return target;
  if (Array.isArray(target) && typeof key === "number") return readArrayElement(target, key);
  const value = hasOwn.call(target, key as PropertyKey) ? (target as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  if (typeof value === "function") return (value as () => unknown).call(target);
  if (key === "size") {
    if (value !== undefined) return value;
    if (Array.isArray(target) || typeof target === "string") return target.length;
    return typeof target === "object" ? Object.keys(target).length : undefined;
  }
  if (key === "first") return Array.isArray(target) ? readArrayElement(target, 0) : value;
  if (key === "last") return Array.isArray(target) ? readArrayElement(target, -1) : value;
  return value;
}

const isFalsy = (value: unknown) => value === false || value === undefined || value === null;

function toEnumerable(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.length > 0 ? [value] : [];
  if (value !== null && typeof value === "object") {
    if (Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
    return Object.entries(value);
  }
  return [];
}

function equals(left: unknown, right: unknown): boolean {
  if (Array.isArray(left)) return Array.isArray(right) && left.length === right.length && left.every((item, i) => equals(item, right[i]));
  return left === right;
}

type Operator = "==" | "!=" | ">" | "<" | ">=" | "<=" | "contains" | "and" | "or" | "not";
const BINARY: Record<Exclude<Operator, "not">, (l: unknown, r: unknown) => unknown> = {
  "==": equals,
  "!=": (l, r) => !equals(l, r),
  ">": (l, r) => (l as number) > (r as number),
  "<": (l, r) => (l as number) < (r as number),
  ">=": (l, r) => (l as number) >= (r as number),
  "<=": (l, r) => (l as number) <= (r as number),
  contains: (l, r) => {
    if (Array.isArray(l)) return l.some((item) => equals(item, r));
    return typeof (l as { indexOf?: unknown } | null)?.indexOf === "function" ? (l as string).indexOf(r as string) > -1 : false;
  },
  and: (l, r) => !isFalsy(l) && !isFalsy(r),
  or: (l, r) => !isFalsy(l) || !isFalsy(r),
};

type TokenShape = Token & {
  content?: unknown;
  operator?: Operator;
  variable?: Token;
  props?: Token[];
};

class ProgramCompiler {
  private readonly filterThis: { context: Context; liquid: Liquid };

  constructor(private readonly liquid: Liquid) {
    this.filterThis = { context: new Context({}, liquid.options, {}, { liquid } as never), liquid };
  }

  /** Literal text is joined at compile time; only the dynamic nodes between run per render. */
  templates(list: readonly Template[], lexical: Lexical): Render {
    const literals: string[] = [""];
    const dynamics: Render[] = [];
    for (const template of list) {
      if (template.token.kind === TokenKind.HTML) {
        literals[literals.length - 1] += (template as unknown as { str: string }).str;
      } else {
        dynamics.push(this.template(template, lexical));
        literals.push("");
      }
    }
    const first = literals[0] as string;
    if (dynamics.length === 0) return () => first;
    const count = dynamics.length;
    return (frame) => {
      let out = first;
      for (let i = 0; i < count; i++) out += (dynamics[i] as Render)(frame) + (literals[i + 1] as string);
      return out;
    };
  }

  private template(template: Template, lexical: Lexical): Render {
    if (isOutput(template)) {
      const value = this.value(template.value, lexical);
      return (frame) => stringifyLiquid(value(frame));
    }
    if (!isTag(template)) throw new UnsupportedLiquid("unknown node");
    switch (template.name) {
      case "if":
      case "unless":
        return this.conditional(template as IfLikeTag, lexical);
      case "for":
        return this.forLoop(template as ForTag, lexical);
      case "assign": {
        const tag = template as AssignTag;
        const value = this.value(tag.value, lexical);
        return (frame) => {
          frame.assigned[tag.key] = value(frame);
          return "";
        };
      }
      case "comment":
      case "#":
        return () => "";
      default:
        throw new UnsupportedLiquid(template.name);
    }
  }

  private conditional(tag: IfLikeTag, lexical: Lexical): Render {
    const branches = tag.branches.map((branch, i) => {
      const test = this.value(branch.value, lexical);
      // `unless` shows its first branch when the test is falsy; its elsif branches when truthy.
      const wantFalsy = tag.name === "unless" && i === 0;
      return { test, wantFalsy, body: this.templates(branch.templates, lexical) };
    });
    const otherwise = this.templates(tag.elseTemplates ?? [], lexical);
    return (frame) => {
      for (const branch of branches) {
        if (isFalsy(branch.test(frame)) === branch.wantFalsy) return branch.body(frame);
      }
      return otherwise(frame);
    };
  }

  private forLoop(tag: ForTag, outer: Lexical): Render {
    const collection = this.token(tag.collection as TokenShape, outer);
    const modifiers = (["offset", "limit", "reversed"] as const).flatMap((name) => {
      if (!(name in tag.hash.hash)) return [];
      const token = tag.hash.hash[name];
      if (name === "offset" && token?.getText() === "continue") throw new UnsupportedLiquid("offset: continue");
      const value: Evaluate = token === undefined ? () => true : this.token(token as TokenShape, outer);
      return [{ name, value }];
    });
    const itemSlot = outer.nextSlot.value++;
    const loopSlot = outer.nextSlot.value++;
    const inner: Lexical = { names: new Map([...outer.names, [tag.variable, itemSlot], ["forloop", loopSlot]]), nextSlot: outer.nextSlot };
    const body = this.templates(tag.templates, inner);
    const otherwise = this.templates(tag.elseTemplates, outer);
    return (frame) => {
      let items = toEnumerable(collection(frame));
      if (items.length === 0) return otherwise(frame);
      for (const modifier of modifiers) {
        const amount = modifier.value(frame);
        if (modifier.name === "offset") items = items.slice(amount as number);
        else if (modifier.name === "limit") items = items.slice(0, amount as number);
        else items = [...items].reverse();
      }
      const length = items.length;
      let out = "";
      for (let i = 0; i < length; i++) {
        frame.slots[itemSlot] = items[i];
        frame.slots[loopSlot] = { index: i + 1, index0: i, first: i === 0, last: i === length - 1, length, rindex: length - i, rindex0: length - i - 1 };
        out += body(frame);
      }
      return out;
    };
  }

  private value(value: { initial: { postfix: Token[] }; filters: Filter[] }, lexical: Lexical): Evaluate {
    const initial = this.expression(value.initial.postfix as TokenShape[], lexical);
    const filters = value.filters.map((filter) => this.filter(filter, lexical));
    if (filters.length === 0) return initial;
    return (frame) => {
      let result = initial(frame);
      for (const filter of filters) result = filter(result, frame);
      return result;
    };
  }

  private filter(filter: Filter, lexical: Lexical): (input: unknown, frame: Frame) => unknown {
    const outputEscape = this.liquid.options.outputEscape;
    if (filter.name === "[object Function]" && outputEscape) return (input) => outputEscape.call(this.filterThis as never, input);
    const implementation = this.liquid.filters[filter.name];
    const handler = typeof implementation === "function" ? implementation : implementation?.handler;
    if (!ALLOWED_FILTERS.has(filter.name) || !handler) throw new UnsupportedLiquid(filter.name);
    const args = filter.args.map((arg) => {
      if (Array.isArray(arg)) throw new UnsupportedLiquid("keyword filter arguments");
      return this.token(arg as TokenShape, lexical);
    });
    const self = this.filterThis as never;
    const [first, second] = args;
    if (args.length === 0) return (input) => handler.call(self, input);
    if (args.length === 1 && first) return (input, frame) => handler.call(self, input, first(frame));
    if (args.length === 2 && first && second) return (input, frame) => handler.call(self, input, first(frame), second(frame));
    return (input, frame) => handler.apply(self, [input, ...args.map((arg) => arg(frame))]);
  }

  private expression(postfix: readonly TokenShape[], lexical: Lexical): Evaluate {
    const stack: Evaluate[] = [];
    for (const token of postfix) {
      if (token.kind !== TokenKind.Operator) {
        stack.push(this.token(token, lexical));
        continue;
      }
      const operator = token.operator as Operator;
      const right = stack.pop();
      if (!right) throw new UnsupportedLiquid("malformed expression");
      if (operator === "not") {
        stack.push((frame) => isFalsy(right(frame)));
        continue;
      }
      const left = stack.pop();
      if (!left) throw new UnsupportedLiquid("malformed expression");
      const apply = BINARY[operator];
      if (!apply) throw new UnsupportedLiquid(operator);
      stack.push((frame) => apply(left(frame), right(frame)));
    }
    if (stack.length !== 1) throw new UnsupportedLiquid("malformed expression");
    return stack[0] as Evaluate;
  }

  private token(token: TokenShape, lexical: Lexical): Evaluate {
    if ("content" in token) {
      const content = token.content;
      if (content instanceof Drop) throw new UnsupportedLiquid("empty/blank literals");
      return () => content;
    }
    if (token.kind !== TokenKind.PropertyAccess || token.variable !== undefined) throw new UnsupportedLiquid("expression kind");
    const [root, ...rest] = (token.props ?? []).map((prop) => this.token(prop as TokenShape, lexical));
    const rootToken = token.props?.[0] as TokenShape | undefined;
    if (!root || !rootToken || !("content" in rootToken) || typeof rootToken.content !== "string") throw new UnsupportedLiquid("dynamic root");
    const name = rootToken.content;
    const slot = lexical.names.get(name);
    const globals = this.liquid.options.globals;
    if (name === "forloop" && slot !== undefined && rest.length === 0) throw new UnsupportedLiquid("forloop as a value");
    const lookup: Evaluate =
      slot !== undefined
        ? (frame) => frame.slots[slot]
        : (frame) => (name in frame.assigned ? frame.assigned[name] : readProperty(name in frame.env ? frame.env : globals, name));
    if (rest.length === 0) return lookup;
    return (frame) => {
      let value = lookup(frame);
      for (const segment of rest) value = readProperty(value, segment(frame));
      return value;
    };
  }
}

/** Compiles parsed templates to closures; throws UnsupportedLiquid outside the compiled subset. */
export function compileToClosures(templates: Template[], liquid: Liquid): LiquidProgram {
  const render = new ProgramCompiler(liquid).templates(templates, { names: new Map(), nextSlot: { value: 0 } });
  return (scope) => render({ env: scope, assigned: Object.create(null) as Record<string, unknown>, slots: [] });
}

/** Parses `source` once with `liquid` and returns its evaluator: closures, or liquidjs for the rest. */
export function compileLiquid(source: string, liquid: Liquid): LiquidProgram {
  const templates = liquid.parse(source);
  try {
    return compileToClosures(templates, liquid);
  } catch (error) {
    if (!(error instanceof UnsupportedLiquid)) throw error;
    return (scope) => liquid.renderSync(templates, scope) as string;
  }
}
