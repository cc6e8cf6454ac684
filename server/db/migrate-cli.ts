// `npm run migrate`: applies prisma/migrations to DATABASE_URL.
import { installQueueSchema } from "../worker/queue";
import { migrateDatabase } from "./migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run dev` starts an embedded Postgres and migrates it for you.");
  process.exit(1);
}
try {
  const result = await migrateDatabase(url);
  // The job queue's own schema, so the web app can enqueue before a worker has ever run.
  await installQueueSchema(url);
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s)).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
