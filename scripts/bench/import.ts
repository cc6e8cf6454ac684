// `npm run bench:import`: imports a generated 1,000,000-row contacts CSV through the same path
// as the UI (the upload service fed by a file stream, then imports.start), in a separate worker
// process whose peak memory (VmHWM) is read from /proc. Last line: one JSON object, with how long
// the search indexer took to catch up after the import (search_indexed_s) before the figures.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { startImport, storeUpload } from "../../server/audience/import";
import { createDb } from "../../server/db/client";
import { findFreePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { installQueueSchema } from "../../server/worker";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const root = path.resolve(import.meta.dirname, "../..");

function say(line: string) {
  process.stderr.write(`[bench:import] ${line}\n`);
}

async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(root, ".data/bench-import");
  await rm(dataDir, { recursive: true, force: true });
  say(`starting an embedded Postgres in ${path.relative(root, dataDir)}`);
  return startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "bench" });
}

const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Barbara", "Dennis", "Radia", "Ken"];
const LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Liskov", "Ritchie", "Perlman", "Thompson"];
const CITIES = ["London", "Berlin", "Paris", "Madrid", "Rome", "Oslo", "Vienna", "Lisbon", "Dublin", "Prague"];
const PLANS = ["free", "basic", "pro", "enterprise"];

/** A contacts CSV of `rows` rows, written in slices so it never sits in memory. */
async function generateCsv(file: string, rows: number) {
  const out = createWriteStream(file);
  out.write("email,first_name,last_name,phone,city,country,plan,newsletter\n");
  const slice = 10_000;
  for (let start = 0; start < rows; start += slice) {
    let text = "";
    for (let i = start; i < Math.min(rows, start + slice); i++) {
      text += `person${i}@example.com,${FIRST[i % 10]},${LAST[(i >> 3) % 10]},+44 20 ${String(1_000_000 + i).slice(-7)},${CITIES[i % 7]},GB,${PLANS[i % 4]},${i % 3 === 0 ? "yes" : ""}\n`;
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function startWorker(databaseUrl: string): { child: ChildProcess; started: Promise<void> } {
  // node with tsx's loader (not the tsx CLI), so that the worker is this child process itself.
  const child = spawn(process.execPath, ["--import", "tsx", "server/worker/main.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: "bench-secret-0123456789abcdef0123456789", WORKER_CONCURRENCY: "1" },
  });
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("[worker] started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the worker exited early (${code})`)));
  });
  return { child, started };
}

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * Seconds from the import's end until the worker's search indexer has indexed every imported
 * contact (searches are exact meanwhile, but slower: queued contacts are matched without the index).
 */
async function searchCatchUpSeconds(db: ReturnType<typeof createDb>, workspaceId: string, importFinished: Date): Promise<number> {
  for (;;) {
    const queued = await db.contactSearchQueue.count({ where: { workspaceId } });
    if (queued === 0) return Math.round((Date.now() - importFinished.getTime()) / 100) / 10;
    say(`${queued.toLocaleString("en")} contacts waiting for the search indexer`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const database = await openDatabase();
const tmp = await mkdtemp(path.join(os.tmpdir(), "tailor-bench-import-"));
let worker: ChildProcess | null = null;
try {
  await migrateDatabase(database.url);
  await installQueueSchema(database.url);
  const db = createDb(database.url, 4);
  const workspace = await db.workspace.create({ data: { name: "Bench", slug: `bench-${randomUUID().slice(0, 8)}` } });
  const user = await db.user.create({ data: { id: randomUUID(), name: "Bench", email: `${randomUUID()}@example.test` } });
  const actor = { workspaceId: workspace.id, userId: user.id, email: user.email };

  const file = path.join(tmp, "contacts.csv");
  say(`generating ${ROWS.toLocaleString("en")} rows`);
  await generateCsv(file, ROWS);
  say(`uploading ${((await stat(file)).size / 1024 / 1024).toFixed(1)} MB through storeUpload`);
  const uploadStarted = Date.now();
  const { id } = await storeUpload(db, actor, { kind: "contacts", fileName: "contacts.csv", body: createReadStream(file, { highWaterMark: 256 * 1024 }) });
  say(`uploaded in ${((Date.now() - uploadStarted) / 1000).toFixed(1)} s`);

  const spawned = startWorker(database.url);
  worker = spawned.child;
  await spawned.started;
  const { jobRunId } = await startImport(db, actor, {
    id,
    mapping: ["email", "first_name", "last_name", "phone", "city", "country", "attribute:plan", "consent_email_marketing"],
    existing: "update",
  });

  let peak = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    peak = Math.max(peak, await peakRssMb(worker.pid!));
    const run = await db.jobRun.findUniqueOrThrow({ where: { id: jobRunId } });
    say(`${run.status} ${run.progressDone.toLocaleString("en")} / ${(run.progressTotal ?? 0).toLocaleString("en")} rows, worker peak ${peak} MB`);
    if (run.status === "failed") throw new Error(`the import failed: ${run.error}`);
    if (run.status === "succeeded") {
      const seconds = (run.finishedAt!.getTime() - run.startedAt!.getTime()) / 1000;
      const stored = await db.contact.count({ where: { workspaceId: workspace.id } });
      say(`imported in ${seconds.toFixed(1)} s; waiting for the search indexer to catch up`);
      const searchIndexedS = await searchCatchUpSeconds(db, workspace.id, run.finishedAt!);
      peak = Math.max(peak, await peakRssMb(worker.pid!));
      worker.kill("SIGTERM");
      await once(worker, "exit");
      await db.$disconnect();
      console.log(
        JSON.stringify({ bench: "import", search_indexed_s: searchIndexedS, rows: ROWS, stored, rows_per_s: Math.round(ROWS / seconds), peak_rss_mb: peak }),
      );
      break;
    }
  }
} finally {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await rm(tmp, { recursive: true, force: true });
  await database.stop();
}
