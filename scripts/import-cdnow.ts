// `npm run import:cdnow -- [--workspace <slug>] [--file <path>]`: imports the CDNOW purchase log
// into a workspace (default: the demo workspace) as contacts and "Order Completed" events,
// through the CSV import machinery. Runs the import in a worker runner of its own, so it works
// with or without `npm run dev`; a running worker may take the job instead, which is just as good.
import { parseArgs } from "node:util";
import { CDNOW_FILE, cdnowTotals, startCdnowImport } from "../server/audience/import";
import { createDb } from "../server/db/client";
import { portIsFree, startEmbeddedPostgres, type EmbeddedDatabase } from "../server/db/embedded";
import { migrateDatabase } from "../server/db/migrate";
import { installQueueSchema } from "../server/worker";
import { startWorkerLiveness } from "../server/worker/recovery";
import { createTaskList } from "../server/worker/registry";
import { startWorkerRunner } from "../server/worker/runner";

const { values: args } = parseArgs({
  options: {
    workspace: { type: "string", default: "acme-outfitters" },
    file: { type: "string", default: CDNOW_FILE },
  },
});

function say(line: string) {
  console.log(`[import:cdnow] ${line}`);
}

/** DATABASE_URL, else the embedded database of `npm run dev` (started here when it is not running). */
async function databaseUrl(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const port = Number(process.env.TAILOR_PG_PORT ?? 54329);
  if (!(await portIsFree(port))) return { url: `postgresql://tailor:tailor@127.0.0.1:${port}/tailor`, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: ".data/pg", port, database: "tailor" });
  return { url: embedded.url, embedded };
}

const { url, embedded } = await databaseUrl();
try {
  await migrateDatabase(url);
  await installQueueSchema(url);
  process.env.DATABASE_URL = url;
  process.env.BETTER_AUTH_SECRET ??= "import-cdnow-script-does-not-sign-sessions";
  const db = createDb(url, 4);
  const workspace = await db.workspace.findUnique({ where: { slug: args.workspace } });
  if (!workspace) throw new Error(`No workspace with the slug "${args.workspace}". Run \`npm run seed\` or pass --workspace <slug>.`);
  const admin = await db.membership.findFirst({ where: { workspaceId: workspace.id, role: "admin" }, include: { user: true } });
  if (!admin) throw new Error(`The workspace "${args.workspace}" has no admin to import as.`);

  say(`uploading ${args.file} into "${workspace.name}"`);
  const { jobRunId } = await startCdnowImport(db, { workspaceId: workspace.id, userId: admin.userId, email: admin.user.email }, args.file);

  const liveness = await startWorkerLiveness(url, (error) => {
    throw error;
  });
  const runner = await startWorkerRunner({ databaseUrl: url, concurrency: 1, taskList: createTaskList(db), events: liveness.events, pollIntervalMs: 500 });
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: jobRunId } });
      say(`${run.status}: ${run.progressDone.toLocaleString("en")} / ${(run.progressTotal ?? 0).toLocaleString("en")} rows`);
      if (run.status === "failed") throw new Error(`The import failed: ${run.error}`);
      if (run.status === "succeeded") break;
    }
  } finally {
    await runner.stop();
    await liveness.stop();
  }
  const totals = await cdnowTotals(db, workspace.id);
  say(`contacts ${totals.contacts.toLocaleString("en")}, events ${totals.events.toLocaleString("en")}, revenue $${totals.revenue.toFixed(2)}`);
  await db.$disconnect();
} finally {
  await embedded?.stop();
}
