// `npm run seed`: loads the demo workspace, users and a small generated audience into
// DATABASE_URL (once; a database that has them is left alone).
// `npm run seed -- --contacts N --events M [--workspace slug] [--seed 42] [--replace]` also
// generates an audience of that size into the workspace (Acme Outfitters by default).
import { parseArgs } from "node:util";
import { createDb } from "../../server/db/client";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACES, seedDemoData } from "./demo";
import { generateAudience } from "./generate-audience";
import { loadDemoAudience } from "./generate-demo";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string" },
    events: { type: "string" },
    workspace: { type: "string", default: DEMO_WORKSPACES[0]!.slug },
    seed: { type: "string", default: "42" },
    replace: { type: "boolean", default: false },
  },
});

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}".`);
    process.exit(1);
  }
  return n;
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run dev` seeds its embedded database by itself.");
  process.exit(1);
}
const db = createDb(url);
try {
  const { created } = await seedDemoData(db);
  console.log(created ? "Demo data loaded." : "Demo data was already there.");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email} / ${DEMO_PASSWORD}`);
  const sized = args.contacts !== undefined || args.events !== undefined;
  if (created && !sized) {
    const audience = await loadDemoAudience(db, url);
    console.log(`Generated a demo audience: ${audience.contacts} contacts, ${audience.events} events.`);
  }
  if (sized) {
    const contacts = count("contacts", args.contacts, 1_000);
    const events = count("events", args.events, contacts * 10);
    const workspace = await db.workspace.findUnique({ where: { slug: args.workspace } });
    if (!workspace) throw new Error(`No workspace with the slug "${args.workspace}".`);
    console.log(`Generating ${contacts.toLocaleString("en")} contacts and ${events.toLocaleString("en")} events into ${workspace.name}…`);
    let lastReport = 0;
    const result = await generateAudience({
      databaseUrl: url,
      workspaceId: workspace.id,
      contacts,
      events,
      seed: count("seed", args.seed, 42),
      replace: args.replace,
      onProgress: ({ phase, contacts: done, events: written }) => {
        if (phase === "loading" && Date.now() - lastReport < 2_000 && done < contacts) return;
        lastReport = Date.now();
        console.log(`  ${phase}: ${done.toLocaleString("en")} contacts, ${written.toLocaleString("en")} events`);
      },
    });
    console.log(`Done in ${result.seconds.toFixed(1)} s.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
