// `npm run migrate`: applies prisma/migrations to DATABASE_URL.
import { migrateDatabase } from "./migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run dev` starts an embedded Postgres and migrates it for you.");
  process.exit(1);
}
try {
  const result = await migrateDatabase(url);
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s)).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
