// `npm run bench:audience`: times the Audience list's queries (the page and its count, as the UI
// asks for both) on 1,000,000 contacts: first page, searches by email prefix and by name,
// filters, another sort, and a deep page reached through the cursor. Uses DATABASE_URL, else an
// embedded Postgres kept in .data/bench-audience between runs; seeds the audience when the
// workspace has fewer contacts than asked. Last line:
// {"bench":"audience","contacts":N,"p50_ms":{...},"p95_ms":{...}}.
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_WORKSPACES, seedDemoData } from "../../prisma/seed/demo";
import { generateAudience } from "../../prisma/seed/generate-audience";
import { encodeContactCursor } from "../../server/audience/contacts/cursor";
import { countContacts, listContacts } from "../../server/audience/contacts/list-contacts";
import { type ContactSort, listContactsInput } from "../../server/audience/contacts/schemas";
import { createDb, type Db } from "../../server/db/client";
import { findFreePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { installQueueSchema } from "../../server/worker/queue";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: process.env.BENCH_AUDIENCE_CONTACTS ?? "1000000" },
    events: { type: "string" },
    runs: { type: "string", default: "30" },
  },
});
const CONTACTS = Number(args.contacts);
// The list reads contacts only; events just set their last-seen times, so fewer do.
const EVENTS = Number(args.events ?? CONTACTS * 2);
const RUNS = Number(args.runs);
const PAGE_SIZE = 50;

function say(line: string) {
  process.stderr.write(`[bench:audience] ${line}\n`);
}

async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.resolve(import.meta.dirname, "../../.data/bench-audience");
  say(`embedded Postgres in ${path.relative(process.cwd(), dataDir)} (kept for the next run)`);
  return startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "bench" });
}

async function contactCount(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`select count(*)::int as count from contact where workspace_id = ${workspaceId}::uuid`;
  return row?.count ?? 0;
}

/** The demo workspace with at least CONTACTS contacts, seeding them when it has fewer. */
async function audienceWorkspace(db: Db, url: string): Promise<string> {
  await seedDemoData(db);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
  const count = await contactCount(db, workspace.id);
  if (count >= CONTACTS) {
    say(`reusing ${count.toLocaleString("en")} contacts of ${workspace.name}`);
  } else {
    say(`seeding ${CONTACTS.toLocaleString("en")} contacts and ${EVENTS.toLocaleString("en")} events into ${workspace.name}`);
    let lastReport = 0;
    await generateAudience({
      databaseUrl: url,
      workspaceId: workspace.id,
      contacts: CONTACTS,
      events: EVENTS,
      seed: 42,
      replace: true,
      onProgress: ({ phase, contacts, events }) => {
        if (phase === "loading" && Date.now() - lastReport < 10_000) return;
        lastReport = Date.now();
        say(`${phase}: ${contacts} contacts, ${events} events`);
      },
    });
  }
  return workspace.id;
}

type Scenario = { name: string; run: (round: number) => Promise<unknown> };

/** Search terms taken from the data: email prefixes and last names of contacts spread over the table. */
async function searchTerms(db: Db, workspaceId: string) {
  const rows = await db.$queryRaw<{ email: string; last_name: string }[]>`
    select email, last_name from contact
    where workspace_id = ${workspaceId}::uuid and email is not null and last_name is not null
      and id % 9973 = 17
    limit ${RUNS}`;
  return {
    emailPrefixes: rows.map((row) => row.email.split("@")[0]!.slice(0, Math.max(6, row.email.indexOf("@") - 2))),
    names: rows.map((row) => row.last_name.toLowerCase()),
  };
}

/** A cursor half-way down the list in this sort, as if the user had paged that far. */
async function deepCursor(db: Db, workspaceId: string, sort: ContactSort, offset: number): Promise<string> {
  const [row] = await db.$queryRaw<{ id: bigint; last_seen_at: Date }[]>`
    select id, last_seen_at from contact where workspace_id = ${workspaceId}::uuid and last_seen_at is not null
    order by last_seen_at desc, id desc offset ${offset} limit 1`;
  return encodeContactCursor({ sort, value: row!.last_seen_at.toISOString(), id: row!.id.toString() });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const database = await openDatabase();
try {
  await migrateDatabase(database.url);
  await installQueueSchema(database.url);
  const db = createDb(database.url, 4);
  const workspaceId = await audienceWorkspace(db, database.url);
  const contacts = await contactCount(db, workspaceId);
  await db.$executeRaw`analyze contact, contact_search, contact_search_queue, contact_consent, suppression`;
  const terms = await searchTerms(db, workspaceId);
  const cursor = await deepCursor(db, workspaceId, "last_seen", Math.floor(contacts / 2));
  const page = (input: Record<string, unknown>) => listContacts(db, workspaceId, listContactsInput.parse({ limit: PAGE_SIZE, ...input }));
  const count = (input: Record<string, unknown>) => countContacts(db, workspaceId, listContactsInput.parse(input));
  const pick = (list: string[], round: number) => list[round % list.length]!;

  const scenarios: Scenario[] = [
    { name: "first_page", run: () => page({}) },
    { name: "first_page_count", run: () => count({}) },
    { name: "search_email_prefix", run: (round) => page({ search: pick(terms.emailPrefixes, round) }) },
    { name: "search_email_prefix_count", run: (round) => count({ search: pick(terms.emailPrefixes, round) }) },
    { name: "search_name", run: (round) => page({ search: pick(terms.names, round) }) },
    { name: "search_name_count", run: (round) => count({ search: pick(terms.names, round) }) },
    { name: "filter_country_consent", run: () => page({ country: "DE", emailConsent: "granted" }) },
    { name: "filter_country_consent_count", run: () => count({ country: "DE", emailConsent: "granted" }) },
    { name: "filter_suppressed", run: () => page({ suppressed: "yes" }) },
    { name: "sort_email", run: () => page({ sort: "email" }) },
    { name: "sort_created", run: () => page({ sort: "created" }) },
    { name: "deep_page", run: () => page({ cursor }) },
  ];

  const p50: Record<string, number> = {};
  const p95: Record<string, number> = {};
  for (const scenario of scenarios) {
    await scenario.run(0);
    const times: number[] = [];
    for (let round = 1; round <= RUNS; round++) {
      const started = performance.now();
      await scenario.run(round);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    p50[scenario.name] = Math.round(percentile(times, 50) * 10) / 10;
    p95[scenario.name] = Math.round(percentile(times, 95) * 10) / 10;
    say(`${scenario.name}: p50 ${p50[scenario.name]} ms, p95 ${p95[scenario.name]} ms`);
  }
  await db.$disconnect();
  console.log(JSON.stringify({ bench: "audience", contacts, p50_ms: p50, p95_ms: p95 }));
} finally {
  await database.stop();
}
