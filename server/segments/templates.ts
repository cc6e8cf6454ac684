import type { Condition, EventCondition, SegmentDefinition } from "./definition";

/** Starting points in the builder, one click away; they use the Segment spec event names Tailor records. */
export type SegmentTemplate = { id: string; name: string; description: string; definition: SegmentDefinition };

const days = (amount: number) => ({ kind: "last" as const, amount, unit: "days" as const });

function did(name: string, op: "at_least" | "at_most", value: number, windowDays: number): EventCondition {
  return { kind: "event", did: true, name, filters: [], measure: { kind: "count", op, value }, window: days(windowDays) };
}

const didNot = (name: string, windowDays: number): EventCondition => ({ ...did(name, "at_least", 1, windowDays), did: false });

const allOf = (...children: Condition[]): SegmentDefinition => ({ version: 1, root: { kind: "group", op: "and", children } });

export const SEGMENT_TEMPLATES: readonly SegmentTemplate[] = [
  {
    id: "frequent-buyers",
    name: "Frequent buyers",
    description: "More than 3 purchases in the last 30 days.",
    definition: allOf(did("Order Completed", "at_least", 4, 30)),
  },
  {
    id: "engaged-infrequent",
    name: "Engaged but infrequent",
    description: "Opened more than 3 emails in the last week, but fewer than 2 purchases in the last month.",
    definition: allOf(did("Email Opened", "at_least", 4, 7), did("Order Completed", "at_most", 1, 30)),
  },
  {
    id: "lapsed",
    name: "Lapsed",
    description: "Seen before, but no activity in the last 60 days.",
    definition: {
      version: 1,
      root: {
        kind: "group",
        op: "and",
        children: [
          { kind: "attribute", field: "last_seen_at", valueType: "date", op: "is_set" },
          {
            kind: "group",
            op: "and",
            negate: true,
            children: [{ kind: "attribute", field: "last_seen_at", valueType: "date", op: "within_last_days", days: 60 }],
          },
        ],
      },
    },
  },
  {
    id: "browsers",
    name: "Browsers",
    description: "Viewed more than 10 products in the last 30 days, without a purchase.",
    definition: allOf(did("Product Viewed", "at_least", 11, 30), didNot("Order Completed", 30)),
  },
  {
    id: "abandoned-cart",
    name: "Abandoned cart over 50",
    description: "Started a checkout worth more than 50 in the last 7 days and did not complete the order within 30 minutes.",
    definition: allOf({
      kind: "sequence",
      first: { name: "Checkout Started", filters: [{ property: "value", valueType: "number", op: "gt", value: 50 }] },
      notFollowedBy: { name: "Order Completed", filters: [] },
      withinMinutes: 30,
      window: days(7),
    }),
  },
];
