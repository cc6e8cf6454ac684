import pg from "pg";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";

const MEMORY_SIZE = /^[0-9]{1,6}(kB|MB|GB)$/;

/** What initdb writes into postgresql.conf. */
const DEFAULT_SHARED_BUFFERS = "128MB";

/**
 * Starts the bench's embedded Postgres with `sharedBuffers` (e.g. "1GB"), or with Postgres's
 * default (128MB) when not given. The setting is read at server start only, so it is written to
 * the cluster's postgresql.auto.conf and the server restarted when the running value differs.
 */
export async function startBenchPostgres(dataDir: string, sharedBuffers: string | undefined): Promise<EmbeddedDatabase> {
  if (sharedBuffers !== undefined && !MEMORY_SIZE.test(sharedBuffers)) throw new Error(`--shared-buffers takes a size like 1GB, not ${sharedBuffers}`);
  const start = async () => startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "tailor_bench" });
  const server = await start();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    // ALTER SYSTEM takes no bind parameters; the size was checked against MEMORY_SIZE above.
    await client.query(sharedBuffers ? `alter system set shared_buffers = '${sharedBuffers}'` : "alter system reset shared_buffers");
    const { rows } = await client.query<{ shared_buffers: string }>("show shared_buffers");
    if (rows[0]?.shared_buffers === (sharedBuffers ?? DEFAULT_SHARED_BUFFERS)) return server;
  } finally {
    await client.end();
  }
  await server.stop();
  return start();
}
