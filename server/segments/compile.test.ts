import { describe, expect, it } from "vitest";
import { compileSegmentToSql } from "./compile";
import { couldBeTextOfOtherJson } from "./compile-events";
import { OPERATORS, type SegmentDefinition, type SegmentNode } from "./definition";
import { attr, definitionOf, evt, NOW, OPERATOR_CASES, SQL_LOOKING_KEY, SQL_LOOKING_NAME } from "./testing/operator-cases";

const WORKSPACE = "00000000-0000-4000-8000-000000000001";
/** The statement with Postgres placeholders ($1…), and its parameters. */
function compile(definition: SegmentDefinition, segments?: Map<string, SegmentDefinition>) {
  const compiled = compileSegmentToSql(definition, { workspaceId: WORKSPACE, now: NOW, segments });
  return { sql: compiled.text, values: compiled.values };
}
const compileNode = (node: SegmentNode) => compile(definitionOf(node));
const oneLine = (sql: string) => sql.replace(/\s+/g, " ");
/** An event condition counted from the events themselves (a window between two dates is not ranked). */
const rawEvt = (args: Parameters<typeof evt>[0]) => evt({ window: { kind: "between", from: "2026-01-01", to: "2026-02-01" }, ...args });

describe("compileSegmentToSql", () => {
  it("selects contact ids of the workspace, the workspace as the first parameter", () => {
    const { sql, values } = compile(definitionOf());
    expect(oneLine(sql)).toBe("select c.id from contact c where c.workspace_id = $1::uuid and true");
    expect(values).toEqual([WORKSPACE]);
  });

  it.each(OPERATOR_CASES)("passes every value of '$title' as a parameter", ({ node }) => {
    const { sql, values } = compileNode(node);
    const strings = JSON.stringify(node).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    for (const literal of strings) {
      const text = JSON.parse(literal) as string;
      // Values and keys never appear in the statement text, only as parameters.
      if (text.length > 3 && !/^[a-z_]+$/.test(text)) expect(sql).not.toContain(text);
    }
    expect(values[0]).toBe(WORKSPACE);
    expect(sql.match(/\$\d+/g)?.length ?? 0).toBe(values.length);
  });

  it("covers every operator in the operator cases", () => {
    const used = new Set(OPERATOR_CASES.flatMap(({ node }) => JSON.stringify(node).match(/"op":"([a-z_]+)"/g) ?? []).map((m) => m.slice(6, -1)));
    for (const op of OPERATORS) expect(used, op).toContain(op);
  });

  it("keeps a value that looks like SQL out of the statement", () => {
    const { sql, values } = compileNode(attr({ field: "first_name", valueType: "string", op: "equals", value: SQL_LOOKING_NAME }));
    expect(sql).not.toContain("drop table");
    expect(values).toContain(SQL_LOOKING_NAME);
  });

  it("keeps a custom attribute key that looks like SQL out of the statement", () => {
    const { sql, values } = compileNode(attr({ field: `attributes.${SQL_LOOKING_KEY}`, valueType: "number", op: "gt", value: 1 }));
    expect(sql).not.toContain("drop table");
    expect(values).toContain(SQL_LOOKING_KEY);
  });

  it("compares strings without regard to case", () => {
    expect(oneLine(compileNode(attr({ field: "city", valueType: "string", op: "equals", value: "Paris" })).sql)).toContain(
      "lower(c.city) = lower($2::text)",
    );
  });

  it("compares emails against the stored lower-cased column, so that its index applies", () => {
    expect(oneLine(compileNode(attr({ field: "email", valueType: "string", op: "equals", value: "A@B.C" })).sql)).toContain("c.email = lower($2::text)");
  });

  it("makes 'not equals' null-safe so that contacts without a value match", () => {
    expect(oneLine(compileNode(attr({ field: "city", valueType: "string", op: "not_equals", value: "Paris" })).sql)).toContain(
      "not coalesce(lower(c.city) = lower($2::text), false)",
    );
  });

  it("reads custom numbers from JSON numbers or numeric text", () => {
    const { sql } = compileNode(attr({ field: "attributes.age", valueType: "number", op: "gt", value: 30 }));
    expect(oneLine(sql)).toMatch(/case jsonb_typeof\(\(c\.attributes -> \$\d+::text\)\) when 'number' then/);
  });

  it("counts a segment of event sets from the events alone, each contact once", () => {
    expect(oneLine(compileNode(rawEvt({ name: "Order Completed" })).sql)).toBe(
      "select m.contact_id as id from (select e.contact_id from event e where e.workspace_id = $1::uuid and e.name = $2::text and e.occurred_at >= $3::timestamptz and e.occurred_at <= $4::timestamptz) m group by m.contact_id",
    );
  });

  it("writes 'did' as a semi-join on the event set and 'did not' as an anti-join next to a contact condition", () => {
    const city = attr({ field: "city", valueType: "string", op: "is_set" });
    const did = oneLine(compile(definitionOf(city, rawEvt({ name: "Order Completed" }))).sql);
    expect(did).toMatch(/^select c\.id from contact c where c\.workspace_id = \$1::uuid and \(/);
    expect(did).toContain("c.id in (select e.contact_id from event e where e.workspace_id = $2::uuid and e.name = $3::text and e.occurred_at");
    expect(oneLine(compile(definitionOf(city, rawEvt({ name: "Order Completed", did: false }))).sql)).toContain(
      "not exists (select 1 from event e where e.contact_id = c.id and e.workspace_id = $2::uuid and e.name = $3::text and e.occurred_at",
    );
  });

  it("writes an OR of event sets as one semi-join on their union", () => {
    const either: SegmentNode = { kind: "group", op: "or", children: [rawEvt({ name: "A" }), rawEvt({ name: "B" })] };
    const sql = oneLine(compile(definitionOf(attr({ field: "city", valueType: "string", op: "is_set" }), either)).sql);
    expect(sql).toMatch(/c\.id in \(select e\.contact_id from event e where .* union select e\.contact_id from event e where .*\)\)$/);
    expect(sql).not.toContain(" or ");
  });

  it("intersects sets of an AND without reading contacts", () => {
    const both = oneLine(compile(definitionOf(rawEvt({ name: "A", measure: { kind: "count", op: "at_least", value: 2 } }), rawEvt({ name: "B" }))).sql);
    expect(both).toMatch(/^select m\.contact_id as id from \(select m\.contact_id from \(select e\.contact_id .* having .*\) m where m\.contact_id in \(select e\.contact_id .*\)\) m$/);
    expect(both).not.toContain("from contact");
  });

  it("reads 'at least N times in the last D days' from event_rank, counting stale and later contacts from their events", () => {
    const { sql, values } = compileNode(
      evt({ name: "Product Viewed", measure: { kind: "count", op: "at_least", value: 3 }, window: { kind: "last", amount: 30, unit: "days" } }),
    );
    const text = oneLine(sql);
    expect(text).toMatch(/from event_rank r where r\.workspace_id = \$\d+::uuid and r\.name = \$\d+::text and r\.rank = \$\d+::int and r\.occurred_at >= \$\d+::timestamptz and r\.occurred_at <= \$\d+::timestamptz/);
    // Contacts whose ranks are stale, or who viewed after now, are left out of the ranked part…
    expect(text).toMatch(/not exists \(select 1 from \(select s\.contact_id from event_rank_stale s where [^)]*\) y where y\.contact_id = r\.contact_id\)/);
    expect(text).toMatch(
      /not exists \(select 1 from \(select f\.contact_id from event f where f\.workspace_id = \$\d+::uuid and f\.name = \$\d+::text and f\.occurred_at > \$\d+::timestamptz\) y where y\.contact_id = r\.contact_id\)/,
    );
    // …and counted from their events instead.
    expect(text).toMatch(/x\.contact_id in \(select s\.contact_id from event_rank_stale s .* union select f\.contact_id from event f .*\) group by x\.contact_id having count\(\*\) >= \$\d+::int/);
    expect(values).toContain(3);
    expect(text).not.toContain("from contact");
  });

  it("ranks 'did', 'at most' and 'did not' by the least count of their sets, and needs no later events for 'ever'", () => {
    // The rank is the statement's first number parameter.
    const rankOf = (node: SegmentNode) => compileNode(node).values.find((value) => typeof value === "number");
    expect(rankOf(evt({ name: "A" }))).toBe(1);
    expect(rankOf(evt({ name: "A", measure: { kind: "count", op: "at_most", value: 2 } }))).toBe(3);
    const didNot = oneLine(compileNode(evt({ name: "A", did: false })).sql);
    expect(didNot).toMatch(/^select c\.id from contact c where .*not exists \(select 1 from \(select r\.contact_id from event_rank r.*\) s where s\.contact_id = c\.id\)$/);
    expect(didNot).not.toContain("occurred_at >");
  });

  it("counts from the events what the ranks cannot answer: more than the ranked depth, property filters, 'exactly', dates between", () => {
    const last30 = { kind: "last" as const, amount: 30, unit: "days" as const };
    const unranked = [
      evt({ name: "A", measure: { kind: "count", op: "at_least", value: 12 }, window: last30 }),
      evt({ name: "A", filters: [{ property: "plan", valueType: "string", op: "equals", value: "pro" }], window: last30 }),
      evt({ name: "A", measure: { kind: "count", op: "exactly", value: 2 }, window: last30 }),
      rawEvt({ name: "A" }),
      evt({ name: "A", measure: { kind: "aggregate", fn: "sum", property: "revenue", op: "over", value: 10 }, window: last30 }),
    ];
    for (const node of unranked) expect(compileNode(node).sql).not.toContain("event_rank");
    expect(compileNode(evt({ name: "A", measure: { kind: "count", op: "at_least", value: 11 }, window: last30 })).sql).toContain("event_rank");
  });

  it("bounds a window with timestamps computed from now", () => {
    const { values } = compileNode(evt({ name: "Order Completed", window: { kind: "last", amount: 30, unit: "days" } }));
    expect(values).toContain("2026-01-30T12:00:00.000Z");
    expect(values).toContain(NOW.toISOString());
  });

  it("writes text equality on an event property in the form event_category_idx answers, ruling out other JSON types", () => {
    const filters = [{ property: "category", valueType: "string" as const, op: "equals" as const, value: "42" }];
    const { sql, values } = compileNode(evt({ name: "Product Added", filters }));
    expect(oneLine(sql)).toMatch(
      /lower\(e\.properties ->> \$(\d+)::text\) = lower\(\$(\d+)::text\) and jsonb_typeof\(e\.properties -> \$(\d+)::text\) <> all\(\$(\d+)::text\[\]\)/,
    );
    expect(sql).not.toContain("case when jsonb_typeof");
    expect(values).toEqual(expect.arrayContaining(["category", "42", ["number", "boolean", "object", "array"]]));
  });

  it("adds no index form to other property tests", () => {
    const filters = [{ property: "category", valueType: "string" as const, op: "contains" as const, value: "sho" }];
    expect(compileNode(evt({ name: "Product Added", filters })).sql).not.toContain("->>");
  });

  it("groups once per contact for counts", () => {
    const { sql, values } = compileNode(rawEvt({ name: "Order Completed", measure: { kind: "count", op: "at_least", value: 3 } }));
    expect(oneLine(sql)).toMatch(/group by e\.contact_id having count\(\*\) >= \$\d+::int\)/);
    expect(values).toContain(3);
  });

  it("writes 'at most' as not being among contacts with more", () => {
    const { sql } = compileNode(rawEvt({ name: "Order Completed", measure: { kind: "count", op: "at_most", value: 2 } }));
    expect(oneLine(sql)).toMatch(/^select .* not exists \(select 1 from \(select e\.contact_id from event e where .* having count\(\*\) > \$\d+::int\) s where s\.contact_id = c\.id\)$/);
  });

  it("pushes NOT down to the conditions (De Morgan)", () => {
    const negatedOr: SegmentNode = {
      kind: "group",
      op: "or",
      negate: true,
      children: [rawEvt({ name: "A" }), attr({ field: "city", valueType: "string", op: "is_set" })],
    };
    const sql = oneLine(compileNode(negatedOr).sql);
    expect(sql).toContain("(not exists (select 1 from event e where e.contact_id = c.id");
    expect(sql).toContain(" and not coalesce(c.city is not null, false))");
    expect(sql).not.toMatch(/not \(/);
  });

  it("reads the country, consents and suppressions from contact_facts, the country lower-cased", () => {
    expect(oneLine(compileNode(attr({ field: "country", valueType: "string", op: "equals", value: "US" })).sql)).toBe(
      "select f.contact_id as id from contact_facts f where f.workspace_id = $1::uuid and f.country_lower = lower($2::text)",
    );
    const reachable = oneLine(
      compile(definitionOf({ kind: "consent", purpose: "email_marketing", state: "granted" }, { kind: "suppression", suppressed: false, reasons: ["hard_bounce"] })).sql,
    );
    expect(reachable).toContain("(f.email_marketing = $2::\"ConsentState\" and (f.suppressions & (select bit_or(suppression_reason_bit(r)) from unnest($3::\"SuppressionReason\"[]) r)) = 0)");
    expect(oneLine(compileNode({ kind: "consent", purpose: "tracking", state: "none" }).sql)).toContain("f.tracking is null");
  });

  it("counts facts with event sets from contact_facts, hashing each set and a union's branches side by side", () => {
    const either: SegmentNode = { kind: "group", op: "or", children: [rawEvt({ name: "A" }), rawEvt({ name: "B" })] };
    const sql = oneLine(compile(definitionOf({ kind: "consent", purpose: "email_marketing", state: "granted" }, either, rawEvt({ name: "C", did: false }))).sql);
    expect(sql).toMatch(/^select m\.contact_id as id from \(select c\.id as contact_id from \(select f\.contact_id as id from contact_facts f where f\.workspace_id = \$1::uuid and f\.email_marketing = /);
    expect(sql).toMatch(/c\.id \+ 0 in \(select s\.contact_id \+ 0 from \(select e\.contact_id .* union all select e\.contact_id .*\) s\)/);
    expect(sql).toContain("not exists (select 1 from event e where e.contact_id = c.id");
    expect(sql).not.toContain("from contact c");
  });

  it("lets the contact row drive when a condition reads it, with the facts as a semi-join", () => {
    const sql = oneLine(compile(definitionOf({ kind: "consent", purpose: "email_marketing", state: "granted" }, attr({ field: "city", valueType: "string", op: "is_set" }))).sql);
    expect(sql).toMatch(/^select c\.id from contact c where c\.workspace_id = \$1::uuid and \(exists \(select 1 from contact_facts f where f\.contact_id = c\.id and f\.email_marketing = /);
  });

  it("rules out other JSON types only for a compared text that one of them could read as", () => {
    for (const text of ["10", "-3.5", "true", "FALSE", "{}", "[1]"]) expect(couldBeTextOfOtherJson(text), text).toBe(true);
    for (const text of ["shoes", "", "trueish", "a1", " 1"]) expect(couldBeTextOfOtherJson(text), text).toBe(false);
    const filtered = (value: string) =>
      oneLine(compileNode(rawEvt({ name: "Product Added", filters: [{ property: "category", valueType: "string", op: "equals", value }] })).sql);
    expect(filtered("shoes")).not.toContain("jsonb_typeof");
    expect(filtered("42")).toMatch(/jsonb_typeof\(e\.properties -> \$\d+::text\) <> all\(/);
  });

  it("inlines a referenced segment", () => {
    const referenced = definitionOf(attr({ field: "city", valueType: "string", op: "equals", value: "Paris" }));
    const { values } = compile(definitionOf({ kind: "segment", segmentId: "s1", member: true }), new Map([["s1", referenced]]));
    expect(values).toContain("Paris");
  });

  it("rejects a segment that contains itself", () => {
    const loop = definitionOf({ kind: "segment", segmentId: "s1", member: true });
    expect(() => compile(loop, new Map([["s1", loop]]))).toThrow(/contains itself/);
  });

  it("rejects a reference to a segment it was not given", () => {
    expect(() => compile(definitionOf({ kind: "segment", segmentId: "nope", member: true }))).toThrow(/does not exist/);
  });

  it("reads score conditions from the last scoring run, the value as a parameter", () => {
    const { sql, values } = compileNode({ kind: "score", field: "churn_risk", valueType: "number", op: "gt", value: 0.5 });
    expect(oneLine(sql)).toContain("(select cs.churn_risk from contact_score cs where cs.contact_id = c.id) > $2::float8");
    expect(values).toEqual([WORKSPACE, 0.5]);
  });
});
