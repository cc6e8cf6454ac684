// `npm run bench:scores`: a full scoring run (features → fit → apply → swap) on 1,000,000
// contacts and 10,000,000 events. The data lives in its own embedded Postgres (.data/bench-scores,
// seeded by the generator on first use and kept for the next run) or in DATABASE_URL (workspace
// BENCH_SCORES_WORKSPACE, default acme-outfitters, seeded when it has fewer contacts). The run
// happens in a child process whose peak RSS (VmHWM) is sampled from /proc; its features are
// recomputed for every contact, as on a first run, whatever earlier bench runs left.
// BENCH_SCORES_CONTACTS / BENCH_SCORES_EVENTS shrink it for a quick check.
// Last line: {"bench":"scores","contacts":N,"events":N,"total_s":X,"stages_s":{...},"peak_rss_mb":X}.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDb } from "../../server/db/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { runScorePipeline } from "../../server/scoring/pipeline/run-score-pipeline";
import { installQueueSchema } from "../../server/worker/queue";
import { generateAudience } from "../../prisma/seed/generate-audience";

const CHILD_FLAG = "--score-run";

async function scoreInChild(databaseUrl: string, workspaceId: string) {
  const db = createDb(databaseUrl, 2);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const outcome = await runScorePipeline({
      db,
      client,
      databaseUrl,
      workspaceId,
      jobRunId: randomUUID(),
      trigger: "manual",
      checkpoint: 0,
      // Every contact's features, not the incremental pass a previous bench run would allow.
      fullFeaturePass: true,
      progress: async (_done, _total, message) => {
        if (message) process.stderr.write(`${message} (rss ${Math.round(process.memoryUsage().rss / 1_048_576)} MB)\n`);
      },
    });
    const run = await db.scoreRun.findUniqueOrThrow({ where: { id: outcome.scoreRunId } });
    process.stdout.write(`${JSON.stringify({ ...outcome, models: run.models })}\n`);
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

function vmHighWaterMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function runChild(databaseUrl: string, workspaceId: string) {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, CHILD_FLAG, workspaceId], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let peakMb = 0;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, vmHighWaterMb(child.pid!) ?? 0);
  }, 100);
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => process.stdout.write(`  ${chunk.toString().trimEnd().replaceAll("\n", "\n  ")}\n`));
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    // The last sample before exit: VmHWM only grows, so the exit handler reads the final peak.
    child.on("exit", (exitCode) => resolve(exitCode));
  });
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the scoring run failed (exit ${code})`);
  const outcome = JSON.parse(stdout.trim().split("\n").at(-1)!) as { contacts: number; stages: Record<string, number>; models: Record<string, { status: string; reason?: string; validation?: Record<string, number> }> };
  return { outcome, seconds: (performance.now() - started) / 1000, peakMb };
}

async function main() {
  const contacts = Number(process.env.BENCH_SCORES_CONTACTS ?? 1_000_000);
  const events = Number(process.env.BENCH_SCORES_EVENTS ?? 10_000_000);
  let embedded: EmbeddedDatabase | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(import.meta.dirname, "../../.data/bench-scores");
    console.log(`starting the embedded Postgres in ${path.relative(process.cwd(), dataDir)}`);
    embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "tailor_bench" });
    url = embedded.url;
  }
  try {
    await migrateDatabase(url);
    await installQueueSchema(url);
    const db = createDb(url, 2);
    const slug = process.env.BENCH_SCORES_WORKSPACE ?? "acme-outfitters";
    const workspace =
      (await db.workspace.findUnique({ where: { slug } })) ?? (await db.workspace.create({ data: { slug, name: "Scores bench" } }));
    const [haveContacts, haveEvents] = await Promise.all([
      db.contact.count({ where: { workspaceId: workspace.id } }),
      db.event.count({ where: { workspaceId: workspace.id } }),
    ]);
    await db.$disconnect();
    if (haveContacts !== contacts || haveEvents !== events) {
      console.log(`seeding ${contacts} contacts and ${events} events into ${slug} (kept for the next run)`);
      let lastReport = 0;
      await generateAudience({
        databaseUrl: url,
        workspaceId: workspace.id,
        contacts,
        events,
        seed: 42,
        replace: true,
        onProgress: ({ phase, contacts: c, events: e }) => {
          if (Date.now() - lastReport < 10_000) return;
          lastReport = Date.now();
          console.log(`  ${phase}: ${c} contacts, ${e} events`);
        },
      });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("vacuum analyze event");
      await client.query("vacuum analyze contact");
      await client.end();
    }
    console.log(`scoring ${contacts} contacts, ${events} events`);
    const { outcome, seconds, peakMb } = await runChild(url, workspace.id);
    for (const [name, model] of Object.entries(outcome.models)) {
      console.log(`  ${name}: ${model.status}${model.reason ? ` (${model.reason})` : ""} ${JSON.stringify(model.validation ?? {})}`);
    }
    console.log(
      JSON.stringify({ bench: "scores", contacts: outcome.contacts, events, total_s: Number(seconds.toFixed(1)), stages_s: outcome.stages, peak_rss_mb: Math.round(peakMb) }),
    );
  } finally {
    await embedded?.stop();
  }
}

if (process.argv[2] === CHILD_FLAG) await scoreInChild(process.env.DATABASE_URL!, process.argv[3]!);
else await main();
