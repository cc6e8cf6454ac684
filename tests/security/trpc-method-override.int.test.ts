import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/trpc/[trpc]/route";
import { getAuth } from "@/server/auth/auth";
import { WORKSPACE_COOKIE } from "@/server/auth/viewer";
import type { SegmentDefinition } from "@/server/segments";
import type { AppRouter } from "@/server/trpc/root";
import { createPasswordUser } from "@/server/workspaces/users";
import { makeWorkspace, testDb } from "../factories";

// The builder previews definitions far longer than a URL may be, so the client sends queries as
// POST (methodOverride) and the route accepts them (allowMethodOverride); every POST still passes
// the same-origin check first.

const APP_ORIGIN = new URL(process.env.APP_URL!).origin;
const PASSWORD = "method-override-0123";

let cookie = "";
let workspaceId = "";

beforeAll(async () => {
  const db = testDb();
  const workspace = await makeWorkspace(db);
  workspaceId = workspace.id;
  const email = `override-${workspace.slug}@example.test`;
  const user = await createPasswordUser(db, { email, name: "Override Tester", password: PASSWORD });
  await db.membership.create({ data: { workspaceId, userId: user.id, role: "marketer" } });
  await db.contact.create({ data: { workspaceId, email: `lyon-${workspace.slug}@example.test`, city: "Lyon" } });
  const signIn = await getAuth().api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  const session = signIn.headers.getSetCookie().map((line) => line.split(";")[0]!);
  cookie = [...session, `${WORKSPACE_COOKIE}=${workspaceId}`].join("; ");
});

/** Forty "city is one of …" conditions of fifty long names each: about 80 KB of JSON. */
function definitionTooLongForAUrl(): SegmentDefinition {
  const children = Array.from({ length: 40 }, (_, i) => ({
    kind: "attribute" as const,
    field: "city",
    valueType: "string" as const,
    op: "in_list" as const,
    values: Array.from({ length: 50 }, (_, j) => (i === 7 && j === 3 ? "Lyon" : `A city with a rather long name number ${i}-${j}`)),
  }));
  return { version: 1, root: { kind: "group", op: "or", children } };
}

function clientSendingFrom(origin: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${APP_ORIGIN}/api/trpc`,
        transformer: superjson,
        methodOverride: "POST",
        headers: { cookie, origin },
        fetch: async (url, init) => POST(new Request(String(url), init as RequestInit)),
      }),
    ],
  });
}

describe("tRPC queries sent as POST", () => {
  it("previews a definition too long for a URL", async () => {
    const definition = definitionTooLongForAUrl();
    expect(JSON.stringify(definition).length).toBeGreaterThan(64_000);
    const preview = await clientSendingFrom(APP_ORIGIN).segments.preview.query({ definition });
    expect(preview.count).toBe(1);
    expect(preview.sample.map((contact) => contact.email)).toEqual([expect.stringMatching(/^lyon-/)]);
  });

  const postTemplatesQuery = (origin: string) =>
    POST(
      new Request(`${APP_ORIGIN}/api/trpc/segments.templates?batch=1`, {
        method: "POST",
        headers: { cookie, origin, "content-type": "application/json" },
        body: JSON.stringify({ 0: { json: null } }),
      }),
    );

  it("answers a query POSTed from Tailor's own origin", async () => {
    expect((await postTemplatesQuery(APP_ORIGIN)).status).toBe(200);
  });

  it("refuses the same query POSTed from another site", async () => {
    const response = await postTemplatesQuery("https://evil.example");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Cross-site requests are not allowed." });
  });
});
