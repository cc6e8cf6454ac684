import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(connectionString: string, max = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

// One client per process; kept on globalThis so Next's dev reloads do not open new pools.
const globalForDb = globalThis as unknown as { tailorDb?: Db };

export function getDb(): Db {
  if (!globalForDb.tailorDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.tailorDb = createDb(url);
  }
  return globalForDb.tailorDb;
}
