import type { Condition, SegmentDefinition } from "../../server/segments";
import type { EventCondition } from "../../server/segments/definition";

// Five representative segments over what prisma/seed generates: contacts with country, custom
// attributes (plan, loyalty_tier, favorite_category…), consent; events "Page Viewed",
// "Product Viewed" / "Product Added" (category, price), "Checkout Started" (value),
// "Order Completed" (revenue), "Email Sent/Delivered/Opened/Link Clicked".

const lastDays = (amount: number) => ({ kind: "last" as const, amount, unit: "days" as const });

const attributeOnly: Condition[] = [
  { kind: "attribute", field: "country", valueType: "string", op: "in_list", values: ["US", "GB", "CA"] },
  { kind: "attribute", field: "attributes.loyalty_tier", valueType: "string", op: "in_list", values: ["gold", "platinum"] },
  { kind: "attribute", field: "last_seen_at", valueType: "date", op: "within_last_days", days: 90 },
];

const viewedOften: EventCondition = {
  kind: "event",
  did: true,
  name: "Product Viewed",
  filters: [],
  measure: { kind: "count", op: "at_least", value: 3 },
  window: lastDays(30),
};

const spentOnShoes: EventCondition = {
  kind: "event",
  did: true,
  name: "Product Added",
  filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
  measure: { kind: "aggregate", fn: "sum", property: "price", op: "over", value: 150 },
  window: lastDays(90),
};

const abandonedCart: Condition = {
  kind: "sequence",
  first: { name: "Checkout Started", filters: [{ property: "value", valueType: "number", op: "gt", value: 50 }] },
  notFollowedBy: { name: "Order Completed", filters: [] },
  withinMinutes: 30,
  window: lastDays(7),
};

const allOf = (...children: SegmentDefinition["root"]["children"]): SegmentDefinition => ({
  version: 1,
  root: { kind: "group", op: "and", children },
});

export const BENCH_SEGMENTS = {
  attribute_only: allOf(...attributeOnly),
  event_count_30d: allOf(viewedOften),
  event_sum_filtered: allOf(spentOnShoes),
  abandoned_cart: allOf(abandonedCart),
  nested_mix: allOf(
    { kind: "consent", purpose: "email_marketing", state: "granted" },
    { kind: "attribute", field: "country", valueType: "string", op: "in_list", values: ["US", "GB", "CA", "DE"] },
    {
      kind: "group",
      op: "or",
      children: [viewedOften, spentOnShoes, abandonedCart],
    },
    {
      kind: "group",
      op: "and",
      negate: true,
      children: [{ kind: "event", did: true, name: "Order Completed", filters: [], measure: { kind: "count", op: "at_least", value: 1 }, window: lastDays(14) }],
    },
    { kind: "suppression", suppressed: false, reasons: [] },
  ),
} satisfies Record<string, SegmentDefinition>;
