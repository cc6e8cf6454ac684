// Starts Tailor: a database (embedded unless DATABASE_URL is set), migrations, demo data on
// first start, the web app and the worker; prints the URL and demo logins; Ctrl-C stops all.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "../server/db/client";
import { portIsFree, startEmbeddedPostgres, type EmbeddedDatabase } from "../server/db/embedded";
import { migrateDatabase } from "../server/db/migrate";
import { enqueueScoreRun } from "../server/scoring/pipeline/start-score-run";
import { installQueueSchema } from "../server/worker/queue";
import { startCaptureServer, type CaptureServer } from "../server/outbox";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACES, seedDemoData } from "../prisma/seed/demo";
import { loadDemoAudience } from "../prisma/seed/generate-demo";

const { values: args } = parseArgs({
  options: {
    next: { type: "string", default: "dev" },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "data-dir": { type: "string", default: ".data" },
    worker: { type: "boolean", default: true },
    "no-worker": { type: "boolean", default: false },
    seed: { type: "boolean", default: false },
    // Start from an empty database (the e2e suite uses this).
    fresh: { type: "boolean", default: false },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, args["data-dir"]);
const port = Number(args.port);
const children = new Map<string, ChildProcess>();
let embedded: EmbeddedDatabase | null = null;
let capture: CaptureServer | null = null;
let stopping = false;

function say(line: string) {
  process.stdout.write(`[tailor] ${line}\n`);
}

/** Shown instead of the URL's password, which must never reach a log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function connectDatabase(): Promise<{ url: string; isEmbedded: boolean }> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query("select 1");
    } catch (error) {
      // pg's messages name the cause plainly: refused connection, unknown database, bad password.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot use the database at ${redact(url)}: ${reason}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    return { url, isEmbedded: false };
  }
  const pgPort = Number(process.env.TAILOR_PG_PORT ?? 54329);
  say(`starting the embedded Postgres (data in ${path.relative(root, dataDir) || "."}/pg, port ${pgPort})`);
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort, database: "tailor" });
  return { url: embedded.url, isEmbedded: true };
}

function prefixLines(name: string, stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream) {
  let buffered = "";
  stream?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) target.write(`[${name}] ${line}\n`);
  });
}

function start(name: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); shutting down`);
      void shutdown(1);
    }
  });
  children.set(name, child);
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Tailor did not answer on ${url} within ${timeoutMs / 1000} s`);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping…");
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
      }),
  );
  await Promise.all(exits);
  if (capture) await capture.close().catch(() => undefined);
  if (embedded) await embedded.stop().catch(() => undefined);
  say("stopped");
  process.exit(code);
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is already in use. Stop what runs there or start Tailor with PORT=<another port>.`);
  }
  const started = Date.now();
  if (args.fresh) rmSync(path.join(dataDir, "pg"), { recursive: true, force: true });
  const { url, isEmbedded } = await connectDatabase();
  const migration = await migrateDatabase(url);
  await installQueueSchema(url);
  say(migration.applied.length ? `applied ${migration.applied.length} migration(s)` : "database schema is up to date");
  if (isEmbedded || args.seed) {
    const db = createDb(url, 2);
    const { created } = await seedDemoData(db);
    if (created) {
      say("loaded the demo workspace");
      const audience = await loadDemoAudience(db, url);
      say(`generated a demo audience: ${audience.contacts} contacts, ${audience.events} events (${audience.seconds.toFixed(1)} s)`);
      // So that the demo opens with scores: the worker runs this as soon as it starts.
      const demo = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
      await enqueueScoreRun(db, demo.id, "schedule", null);
      say("queued a first scoring run of the demo workspace");
    }
    await db.$disconnect();
  }
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  // Without a real SMTP server, test emails go to a local capture server and show in the Outbox.
  if (!process.env.SMTP_URL) {
    capture = await startCaptureServer(createDb(url, 2), { log: (line) => say(`outbox: ${line}`) });
    say(`SMTP_URL is not set: test emails are captured by ${capture.url} and shown in Emails → Outbox`);
  }
  const env = {
    ...process.env,
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: authSecret(),
    APP_URL: appUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    ...(capture ? { TAILOR_CAPTURE_SMTP_URL: capture.url } : {}),
  };
  const nextBin = path.join(root, "node_modules/.bin/next");
  if (args.next === "start") {
    start("web", nextBin, ["start", "-p", String(port)], { ...env, NODE_ENV: "production" });
  } else {
    start("web", nextBin, ["dev", "-p", String(port)], { ...env, NODE_ENV: "development" });
  }
  if (args.worker && !args["no-worker"]) {
    start("worker", path.join(root, "node_modules/.bin/tsx"), ["server/worker/main.ts"], env);
  }
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, 180_000);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say("");
  say(`Tailor is running at ${appUrl}  (ready in ${seconds} s)`);
  if (isEmbedded || args.seed) {
    say(`demo logins (password ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) say(`  ${user.role.padEnd(9)} ${user.email}`);
  }
  say("press Ctrl-C to stop");
}

main().catch(async (error: unknown) => {
  process.stderr.write(`[tailor] ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
});
