import { Analytics } from "@segment/analytics-node";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as batchRoute from "../../../app/api/v1/batch/route";
import * as identifyRoute from "../../../app/api/v1/identify/route";
import * as pageRoute from "../../../app/api/v1/page/route";
import * as trackRoute from "../../../app/api/v1/track/route";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { basicAuth, makeWriteKey } from "../../../tests/factories/ingest";
import { getDb } from "../../db/client";
import { MAX_BODY_BYTES } from "./limits";

const ROUTES: Record<string, { POST: (request: Request) => Promise<Response>; OPTIONS: () => Response }> = {
  "/api/v1/batch": batchRoute,
  "/api/v1/identify": identifyRoute,
  "/api/v1/page": pageRoute,
  "/api/v1/track": trackRoute,
};

// The route handlers behind a plain node:http server, so real HTTP clients can talk to them.
const server = http.createServer(async (req, res) => {
  const route = ROUTES[req.url ?? ""];
  if (!route || (req.method !== "POST" && req.method !== "OPTIONS")) {
    res.writeHead(404).end();
    return;
  }
  if (req.method === "OPTIONS") {
    const preflight = route.OPTIONS();
    res.writeHead(preflight.status, Object.fromEntries(preflight.headers)).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const request = new Request(`http://localhost${req.url}`, {
    method: "POST",
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  const response = await route.POST(request);
  // A refused body may be left unread; a fresh connection per request keeps the next one clean.
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), connection: "close" }).end(Buffer.from(await response.arrayBuffer()));
});

const db = testDb();
let baseUrl: string;
let workspaceId: string;
let key: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  key = (await makeWriteKey(db, workspaceId)).key;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all([db.$disconnect(), getDb().$disconnect()]);
});

function post(path: string, body: string | object, authorization: string | null = basicAuth(key)) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const eventsStored = () => db.event.count({ where: { workspaceId } });

describe("ingest API over HTTP", () => {
  it("stores what Segment's own Node client sends", async () => {
    const analytics = new Analytics({ writeKey: key, host: baseUrl, path: "/api/v1/batch", flushAt: 2, flushInterval: 50, maxRetries: 0, httpRequestTimeout: 30_000 });
    const errors: unknown[] = [];
    analytics.on("error", (error) => errors.push(error));
    analytics.identify({ userId: "shopper-1", anonymousId: "device-1", traits: { email: "Shopper@Example.com", firstName: "Sam", tier: "gold" } });
    analytics.track({ userId: "shopper-1", event: "Order Completed", properties: { revenue: 99.5, currency: "EUR" } });
    analytics.page({ anonymousId: "device-2", name: "Home", properties: { url: "https://shop.test/" } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);

    // The client sends its two batches concurrently, so the contacts' ids say nothing of order.
    const include = { events: { orderBy: { id: "asc" as const } } };
    expect(await db.contact.count({ where: { workspaceId } })).toBe(2);
    const shopper = await db.contact.findFirstOrThrow({ where: { workspaceId, externalId: "shopper-1" }, include });
    expect(shopper).toMatchObject({ email: "shopper@example.com", firstName: "Sam", attributes: { tier: "gold" } });
    expect(shopper.events.map((e) => [e.type, e.name, e.revenue])).toEqual([
      ["identify", "Identify", null],
      ["track", "Order Completed", 99.5],
    ]);
    const visitor = await db.contact.findFirstOrThrow({ where: { workspaceId, aliases: { some: { anonymousId: "device-2" } } }, include });
    expect(visitor.events.map((e) => [e.name, e.properties])).toEqual([["Page Viewed", { url: "https://shop.test/", name: "Home" }]]);
  });

  it("accepts single identify, track and page calls", async () => {
    for (const [path, body] of [
      ["/api/v1/identify", { userId: "u1", messageId: "i-1", traits: { firstName: "Una" } }],
      ["/api/v1/track", { userId: "u1", messageId: "t-1", event: "Signed Up" }],
      ["/api/v1/page", { userId: "u1", messageId: "p-1", name: "Welcome" }],
    ] as const) {
      const response = await post(path, body);
      expect(await response.json(), path).toEqual({ success: true });
    }
    expect(await eventsStored()).toBe(3);
  });

  it("answers 401 to a wrong, missing or revoked key and stores nothing", async () => {
    const event = { userId: "u1", messageId: "m-401", event: "Clicked" };
    for (const authorization of [basicAuth("tlr_wrong"), null]) {
      const response = await post("/api/v1/track", event, authorization);
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(/write key/);
    }
    await db.writeKey.updateMany({ where: { workspaceId }, data: { revokedAt: new Date() } });
    expect((await post("/api/v1/track", event)).status).toBe(401);
    expect(await eventsStored()).toBe(0);
    expect(await db.contact.count({ where: { workspaceId } })).toBe(0);
  });

  it("answers 400 naming the problem of malformed JSON", async () => {
    const response = await post("/api/v1/batch", '{"batch": [{"type": "track",}]}');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^Malformed JSON: /);
  });

  it("stores a batch's valid items and lists the rejected ones with their reasons", async () => {
    const response = await post("/api/v1/batch", {
      batch: [
        { type: "track", userId: "u1", messageId: "b-1", event: "Viewed" },
        { type: "track", userId: "u1", event: "No id" },
        { type: "screen", anonymousId: "phone", messageId: "b-3", name: "Cart" },
        { type: "alias", userId: "u1", previousId: "x", messageId: "b-4" },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      success: true,
      accepted: 2,
      rejected: [
        { index: 1, reason: "messageId: is required" },
        { index: 3, messageId: "b-4", reason: 'type: "alias" is not supported (use identify, track, page or screen)' },
      ],
    });
    expect(await eventsStored()).toBe(2);
  });

  it("answers 413 with a message to a body over the limits", async () => {
    const big = { batch: [{ type: "track", userId: "u", messageId: "m", event: "E", properties: { blob: "x".repeat(MAX_BODY_BYTES) } }] };
    const response = await post("/api/v1/batch", big);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe("A batch request may be at most 500 KB; split the events over several requests.");
    const single = await post("/api/v1/track", { userId: "u", messageId: "m", event: "E", properties: { blob: "x".repeat(40_000) } });
    expect(single.status).toBe(413);
    expect(await eventsStored()).toBe(0);
  });

  it("lets browsers on other sites call it (CORS), authenticated by the key alone", async () => {
    const preflight = await fetch(`${baseUrl}/api/v1/track`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
    const response = await post("/api/v1/track", { userId: "u1", messageId: "cors-1", event: "Clicked" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("stores a re-sent batch once", async () => {
    const batch = { batch: [{ type: "track", userId: "u1", messageId: "again", event: "Clicked" }] };
    await post("/api/v1/batch", batch);
    await post("/api/v1/batch", batch);
    expect(await eventsStored()).toBe(1);
  });
});
