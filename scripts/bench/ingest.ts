// `npm run bench:ingest`: sends 200,000 generated Segment events (identify, track, page; about
// 50,000 distinct people, a fifth of the events anonymous) through POST /api/v1/batch of the
// production build (`next start`), 500 per batch from 4 concurrent senders; measures events/s and
// p99 request latency, then counts the stored events. Needs `npm run build` first.
// Last line: {"bench":"ingest","sent":N,"stored":N,"events_per_s":X,"p99_ms":X}
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { generateWriteKey, hashWriteKey, writeKeyPrefix } from "../../server/audience/ingest/write-keys";
import { createDb } from "../../server/db/client";
import { findFreePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { installQueueSchema } from "../../server/worker/queue";

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 200_000);
const BATCH_SIZE = 500;
const SENDERS = 4;
const PEOPLE = 50_000;
const root = path.resolve(import.meta.dirname, "../..");

function say(line: string) {
  process.stderr.write(`[bench:ingest] ${line}\n`);
}

async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(root, ".data/bench-ingest");
  await rm(dataDir, { recursive: true, force: true });
  say(`starting an embedded Postgres in ${path.relative(root, dataDir)}`);
  return startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "bench" });
}

/** mulberry32: a seeded generator, so every run sends the same events. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = ["Trail Runner", "Rain Shell", "Wool Beanie", "Camp Stove", "Day Pack", "Headlamp"];
const PAGES = ["Home", "Shoes", "Jackets", "Sale", "Checkout", "About"];
const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret"];

function generateBatch(batchIndex: number): Record<string, unknown>[] {
  const random = seededRandom(batchIndex + 1);
  const batch: Record<string, unknown>[] = [];
  for (let i = 0; i < BATCH_SIZE; i++) {
    const person = Math.floor(random() * PEOPLE);
    const roll = random();
    const anonymous = random() < 0.2;
    const who = anonymous ? { anonymousId: `anon-${person}` } : { userId: `user-${person}`, anonymousId: `anon-${person}` };
    const common = {
      ...who,
      messageId: `bench-${batchIndex}-${i}`,
      // A live site sends events within seconds of them happening.
      timestamp: new Date(Date.now() - Math.floor(random() * 5_000)).toISOString(),
      context: { library: { name: "bench", version: "1" }, locale: "en-GB", ip: "203.0.113.9" },
    };
    const product = PRODUCTS[person % PRODUCTS.length]!;
    if (roll < 0.1) {
      batch.push({
        ...common,
        type: "identify",
        userId: `user-${person}`,
        traits: { email: `user${person}@bench.test`, firstName: FIRST[person % FIRST.length], plan: person % 3 === 0 ? "pro" : "free" },
      });
    } else if (roll < 0.35) {
      batch.push({ ...common, type: "page", name: PAGES[person % PAGES.length], properties: { url: `https://shop.test/${person % 97}` } });
    } else if (roll < 0.9) {
      batch.push({ ...common, type: "track", event: random() < 0.7 ? "Product Viewed" : "Product Added", properties: { product_id: `sku-${person % 500}`, name: product, price: 49.9 } });
    } else {
      batch.push({ ...common, type: "track", event: "Order Completed", properties: { order_id: `o-${batchIndex}-${i}`, revenue: 20 + (person % 180), currency: "EUR" } });
    }
  }
  return batch;
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited early (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  say("no production build found: run `npm run build` first");
  process.exit(1);
}

const database = await openDatabase();
const db = createDb(database.url, 2);
let server: ChildProcess | null = null;
try {
  await migrateDatabase(database.url);
  await installQueueSchema(database.url);
  const workspace = await db.workspace.create({ data: { name: "Bench ingest", slug: `bench-ingest-${randomBytes(4).toString("hex")}` } });
  const key = generateWriteKey();
  await db.writeKey.create({ data: { workspaceId: workspace.id, name: "bench", keyPrefix: writeKeyPrefix(key), keyHash: hashWriteKey(key) } });
  const authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  say(`starting next start on port ${port}`);
  server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: baseUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await waitForHealth(`${baseUrl}/api/health`, server, 120_000);

  const batches = Math.ceil(EVENTS / BATCH_SIZE);
  const runStartedAt = Date.now();
  const latenciesMs: number[] = [];
  let nextBatch = 0;
  let sent = 0;
  let nextReport = batches / 10;
  const send = async () => {
    while (nextBatch < batches) {
      const index = nextBatch++;
      const body = JSON.stringify({ batch: generateBatch(index), sentAt: new Date().toISOString() });
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/batch`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body,
      });
      const answer = (await response.json()) as { accepted?: number; rejected?: unknown[]; error?: string };
      latenciesMs.push(performance.now() - started);
      if (response.status !== 200 || answer.rejected?.length) {
        throw new Error(`batch ${index} answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
      }
      sent += BATCH_SIZE;
      if (latenciesMs.length >= nextReport) {
        nextReport += batches / 10;
        const seconds = (Date.now() - runStartedAt) / 1000;
        say(`sent ${sent.toLocaleString("en")} events in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)} events/s)`);
      }
    }
  };
  const sendStarted = performance.now();
  await Promise.all(Array.from({ length: SENDERS }, send));
  const seconds = (performance.now() - sendStarted) / 1000;

  const stored = await db.event.count({ where: { workspaceId: workspace.id } });
  const contacts = await db.contact.count({ where: { workspaceId: workspace.id } });
  say(`stored ${stored.toLocaleString("en")} events for ${contacts.toLocaleString("en")} contacts`);
  latenciesMs.sort((a, b) => a - b);
  const result = {
    bench: "ingest",
    sent,
    stored,
    events_per_s: Math.round(sent / seconds),
    p99_ms: Math.round(percentile(latenciesMs, 0.99)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await db.$disconnect();
  await database.stop();
}
