// `npm run bench:seed [-- --contacts N --events M --keep]`: times the seeded generator on its own
// embedded Postgres (.data/bench-seed, deleted afterwards unless --keep) or on DATABASE_URL.
// Prints progress, then one JSON line: {"bench":"seed","contacts":N,"events":M,"seconds":X} followed by
// the seconds of each stage (load_s: generate + COPY, search_s, ranks_s: ranking recent events for segments, facts_s: copying contact_facts, indexes_s: rebuilding dropped indexes, analyze_s).
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../../server/db/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { installQueueSchema } from "../../server/worker/queue";
import { DEMO_WORKSPACES, seedDemoData } from "../../prisma/seed/demo";
import { generateAudience } from "../../prisma/seed/generate-audience";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "1000000" },
    events: { type: "string", default: "10000000" },
    seed: { type: "string", default: "42" },
    keep: { type: "boolean", default: false },
  },
});

const dataDir = path.resolve(import.meta.dirname, "../../.data/bench-seed");
let embedded: EmbeddedDatabase | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  await rm(dataDir, { recursive: true, force: true });
  console.log(`starting an embedded Postgres in ${path.relative(process.cwd(), dataDir)}`);
  embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "tailor_bench" });
  url = embedded.url;
}
try {
  await migrateDatabase(url);
  await installQueueSchema(url);
  const db = createDb(url, 2);
  await seedDemoData(db);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
  await db.$disconnect();
  let lastReport = 0;
  const result = await generateAudience({
    databaseUrl: url,
    workspaceId: workspace.id,
    contacts: Number(args.contacts),
    events: Number(args.events),
    seed: Number(args.seed),
    replace: true,
    onProgress: ({ phase, contacts, events }) => {
      if (phase === "loading" && Date.now() - lastReport < 5_000) return;
      lastReport = Date.now();
      console.log(`${phase}: ${contacts} contacts, ${events} events`);
    },
  });
  console.log(
    JSON.stringify({ bench: "seed", contacts: result.contacts, events: result.events, seconds: Math.round(result.seconds * 10) / 10, ...result.stages }),
  );
} finally {
  if (embedded) {
    await embedded.stop();
    if (!args.keep) await rm(dataDir, { recursive: true, force: true });
  }
}
