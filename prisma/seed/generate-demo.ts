import type { Db } from "../../server/db/client";
import { generateAudience } from "./generate-audience";
import { DEMO_WORKSPACES } from "./demo";

/** The audience a first start loads: small enough to take seconds, large enough to feel alive. */
export const DEMO_AUDIENCE = { contacts: 5_000, events: 50_000, seed: 42 };

/** Generates the demo audience into the demo workspace (Acme Outfitters). */
export async function loadDemoAudience(db: Db, databaseUrl: string) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACES[0]!.slug } });
  return generateAudience({ databaseUrl, workspaceId: workspace.id, ...DEMO_AUDIENCE });
}
