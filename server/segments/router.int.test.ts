import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, makeMember, makeWorkspace, testDb } from "../../tests/factories";
import { insertAudience } from "../../tests/factories/segments";
import { createCaller } from "../trpc/root";
import { UserFacingError } from "../errors";
import { withSegmentTimeout } from "./count-segment";
import { workspaceFields } from "./workspace-fields";
import { AUDIENCE, attr, definitionOf } from "./testing/operator-cases";
import { trpcRejection } from "../../tests/factories/trpc-rejection";

const db = testDb();
let caller: ReturnType<typeof createCaller>;
let workspaceId: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(db);
  workspaceId = workspace.id;
  // Events relative to now, so that the "last 30 days" counts of the fields picker see them.
  const shift = Date.now() - new Date("2026-03-01T12:00:00Z").getTime();
  await insertAudience(db, workspaceId, { ...AUDIENCE, events: AUDIENCE.events.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt.getTime() + shift) })) });
  const manager = await makeMember(db, workspaceId, "manager");
  caller = createCaller(await contextFor(db, manager.user.id, workspaceId));
});

afterAll(async () => {
  await db.$disconnect();
});

describe("segments.preview", () => {
  it("answers the count, the first contacts and the sentence, for any member", async () => {
    const preview = await caller.segments.preview({ definition: definitionOf(attr({ field: "country", valueType: "string", op: "equals", value: "US" })) });
    expect(preview.count).toBe(2);
    expect(preview.sample.map((row) => row.email)).toEqual(["ana@example.com", "ben@example.com"]);
    expect(typeof preview.sample[0]!.id).toBe("string");
    expect(preview.summary).toBe("Contacts whose country is US");
  });

  it("answers BAD_REQUEST naming the condition at fault", async () => {
    const error = await trpcRejection(
      caller.segments.preview({ definition: definitionOf(attr({ field: "country", valueType: "string", op: "equals", value: "US" }), { kind: "attribute", field: "country" } as never) }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^root\.children\[1\] \(valueType\): /);
  });

  it("counts nobody on a score condition before any scoring run", async () => {
    const preview = await caller.segments.preview({ definition: definitionOf({ kind: "score", field: "propensity", valueType: "number", op: "gt", value: 0.5 }) });
    expect(preview.count).toBe(0);
  });

  it("refuses a reference to a segment that does not exist", async () => {
    const error = await trpcRejection(caller.segments.preview({ definition: definitionOf({ kind: "segment", segmentId: "nope", member: true }) }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Segment nope does not exist in this workspace." });
  });
});

describe("segments.fields", () => {
  it("lists custom attribute keys with counts and a guessed type", async () => {
    const { customAttributes } = await caller.segments.fields();
    expect(customAttributes).toContainEqual({ field: "attributes.plan", key: "plan", count: 3, valueType: "string", examples: expect.arrayContaining(["gold", "Silver"]) });
    expect(customAttributes).toContainEqual({ field: "attributes.age", key: "age", count: 3, valueType: "number", examples: ["41"] });
  });

  it("suggests the values seen in built-in text fields, and in the text values of custom attributes", async () => {
    const { builtIn, customAttributes } = await caller.segments.fields();
    expect([...builtIn.find((field) => field.field === "country")!.examples].sort()).toEqual(["DE", "FR", "US", "us"]);
    expect(builtIn.find((field) => field.field === "created_at")!.examples).toEqual([]);
    expect(customAttributes.find((attribute) => attribute.key === "plan")!.examples).toHaveLength(2);
  });

  it("lists event names with their recent counts and property keys, typed by most of their values, with text values seen", async () => {
    const { events } = await caller.segments.fields();
    expect(events.map((e) => [e.name, e.recentCount])).toEqual([
      ["Product Viewed", 15],
      ["Email Opened", 7],
      ["Order Completed", 6],
      ["Product Added", 4],
      ["Wishlist Added", 4],
    ]);
    // Three numbers and one string: offered as a number.
    expect(events.find((e) => e.name === "Product Added")!.propertyKeys).toEqual([{ key: "cart_value", count: 4, valueType: "number", examples: ["100"] }]);
    expect(events.find((e) => e.name === "Order Completed")!.propertyKeys).toContainEqual({ key: "category", count: 4, valueType: "string", examples: ["bags", "hats", "shoes"] });
  });
});

describe("workspaceFields", () => {
  it("counts the recent events of a name up to a cap, and says so", async () => {
    const fields = await workspaceFields(db, workspaceId, new Date(), 5);
    expect(fields.eventCountCap).toBe(5);
    // Names that reach the cap tie, in alphabetical order.
    expect(fields.events.map((e) => [e.name, e.recentCount])).toEqual([
      ["Email Opened", 5],
      ["Order Completed", 5],
      ["Product Viewed", 5],
      ["Product Added", 4],
      ["Wishlist Added", 4],
    ]);
  });
});

describe("segments.templates", () => {
  it("lists the templates", async () => {
    expect((await caller.segments.templates()).length).toBe(5);
  });
});

describe("the statement timeout", () => {
  it("stops a slow count and answers with a message instead of hanging", async () => {
    const started = Date.now();
    const error = await withSegmentTimeout(db, 100, (tx) => tx.$queryRaw`select pg_sleep(5)`).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/took too long \(more than 0\.1 s\)/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("applies only inside its transaction", async () => {
    await withSegmentTimeout(db, 100, async () => null);
    const [row] = await db.$queryRaw<{ statement_timeout: string }[]>`show statement_timeout`;
    expect(row!.statement_timeout).toBe("0");
  });
});
