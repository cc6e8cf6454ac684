import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";

/**
 * Starts the bench's embedded Postgres with the cache the product's embedded server gets
 * (server/db/embedded.ts: a quarter of the memory), or with `sharedBuffers` (e.g. "128MB") to
 * measure another size. The setting is a server flag, so it holds whatever the cluster's
 * configuration files say.
 */
export async function startBenchPostgres(dataDir: string, sharedBuffers: string | undefined): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "tailor_bench", sharedBuffers });
}
