// `npm run bench:empty-tokens [-- --contacts N --events M --runs 5]`: times the designer's
// empty-token count (server/email/tokens/count-empty-tokens.ts) for an email that prints every
// token the token picker offers, plus a cart block and a recommendations block, over the whole
// audience and over the largest saved segment. Uses its own embedded Postgres in
// .data/bench-empty-tokens (the audience is generated once and reused; a saved segment holding
// every contact is added), or DATABASE_URL when set (read only: nothing is written there).
// Prints, as its last line:
// {"bench":"empty-tokens","contacts":N,"events":N,"tokens":N,"audience_p50_ms":X,"audience_p95_ms":X,"segment_members":N,"segment_p50_ms":X}
import path from "node:path";
import { parseArgs } from "node:util";
import { tokenPaths } from "../../components/emails/editor/tokens";
import { createDb, type Db } from "../../server/db/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { parseEmailDocument } from "../../server/email/document";
import { FOOTER } from "../../server/email/test-support";
import { countEmptyTokens } from "../../server/email/tokens/count-empty-tokens";
import { DEMO_WORKSPACES, seedDemoData } from "../../prisma/seed/demo";
import { generateAudience } from "../../prisma/seed/generate-audience";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "1000000" },
    events: { type: "string", default: "10000000" },
    runs: { type: "string", default: "5" },
    seed: { type: "string", default: "42" },
  },
});
const runs = Number(args.runs);
const dataDir = path.resolve(import.meta.dirname, "../../.data/bench-empty-tokens/pg");

const percentile = (sortedMs: number[], p: number) => Math.round(sortedMs[Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1))]! * 10) / 10;

async function audienceCounts(db: Db, workspaceId: string) {
  const [row] = await db.$queryRaw<{ contacts: bigint; events: bigint; last: Date | null }[]>`
    select (select count(*) from contact where workspace_id = ${workspaceId}::uuid) as contacts,
           (select count(*) from event where workspace_id = ${workspaceId}::uuid) as events,
           (select max(occurred_at) from event where workspace_id = ${workspaceId}::uuid and name = 'Page Viewed') as last`;
  return { contacts: Number(row!.contacts), events: Number(row!.events), now: new Date((row?.last ?? new Date()).getTime() + 60_000) };
}

/** A saved segment of everyone, so the segment path is timed at full size too (own database only). */
async function everyoneSegment(db: Db, workspaceId: string): Promise<void> {
  const [existing] = await db.$queryRaw<{ id: string }[]>`select id::text as id from segment where workspace_id = ${workspaceId}::uuid and name = 'Bench: everyone'`;
  if (existing) return;
  const [segment] = await db.$queryRaw<{ id: string }[]>`
    insert into segment (workspace_id, name, definition) values (${workspaceId}::uuid, 'Bench: everyone', ${JSON.stringify({ version: 1, root: { kind: "group", op: "and", children: [] } })}::jsonb)
    returning id::text as id`;
  await db.$executeRaw`insert into segment_membership (segment_id, contact_id, entered_at) select ${segment!.id}::uuid, id, now() from contact where workspace_id = ${workspaceId}::uuid`;
  await db.$executeRawUnsafe("vacuum analyze segment_membership");
}

async function time(db: Db, workspaceId: string, segmentId: string | null, now: Date) {
  const document = parseEmailDocument({
    version: 1,
    subject: "Every token",
    senderName: "Bench",
    blocks: [
      { id: "tokens", type: "text", content: [{ type: "paragraph", runs: tokenPaths(["loyalty_points", "vip_tier"]).map((p) => ({ type: "text", text: `{{ ${p} }} ` })) }] },
      { id: "cart", type: "products", title: "Your cart", source: "cart", count: 4, fallback: "hide" },
      { id: "picks", type: "products", title: "For you", source: "recommendations", count: 4, fallback: "best_sellers" },
      FOOTER,
    ],
  });
  let tokens = 0;
  const timesMs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    tokens = (await countEmptyTokens(db, workspaceId, document, segmentId, now)).length;
    // The first run warms the caches.
    if (i > 0) timesMs.push(performance.now() - started);
  }
  timesMs.sort((a, b) => a - b);
  return { tokens, p50: percentile(timesMs, 50), p95: percentile(timesMs, 95) };
}

let embedded: EmbeddedDatabase | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  console.log(`starting an embedded Postgres in ${path.relative(process.cwd(), dataDir)}`);
  embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "tailor_bench" });
  url = embedded.url;
}
try {
  const db = createDb(url, 4);
  let workspace = await db.workspace.findFirst({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
  if (embedded) {
    await migrateDatabase(url);
    await seedDemoData(db);
    workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
    const counts = await audienceCounts(db, workspace.id);
    if (counts.contacts !== Number(args.contacts) || counts.events !== Number(args.events)) {
      console.log(`generating ${args.contacts} contacts and ${args.events} events (once; later runs reuse them)`);
      await generateAudience({ databaseUrl: url, workspaceId: workspace.id, contacts: Number(args.contacts), events: Number(args.events), seed: Number(args.seed), replace: true });
      await db.$executeRawUnsafe("vacuum analyze contact, event");
    }
    await everyoneSegment(db, workspace.id);
  }
  if (!workspace) throw new Error(`No workspace "${DEMO_WORKSPACES[0]!.slug}" in DATABASE_URL`);
  const counts = await audienceCounts(db, workspace.id);
  console.log(`audience: ${counts.contacts} contacts, ${counts.events} events`);

  const audience = await time(db, workspace.id, null, counts.now);
  console.log(`whole audience: ${audience.tokens} tokens, p50 ${audience.p50} ms, p95 ${audience.p95} ms`);
  const [largest] = await db.$queryRaw<{ id: string; members: bigint }[]>`
    select s.id::text as id, count(m.contact_id) as members from segment s join segment_membership m on m.segment_id = s.id
    where s.workspace_id = ${workspace.id}::uuid group by s.id order by members desc limit 1`;
  const segment = largest ? await time(db, workspace.id, largest.id, counts.now) : null;
  if (largest && segment) console.log(`largest saved segment (${largest.members} members): p50 ${segment.p50} ms, p95 ${segment.p95} ms`);
  await db.$disconnect();
  console.log(
    JSON.stringify({
      bench: "empty-tokens",
      contacts: counts.contacts,
      events: counts.events,
      tokens: audience.tokens,
      audience_p50_ms: audience.p50,
      audience_p95_ms: audience.p95,
      segment_members: Number(largest?.members ?? 0),
      segment_p50_ms: segment?.p50 ?? null,
    }),
  );
} finally {
  await embedded?.stop();
}
