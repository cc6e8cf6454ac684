import { defineConfig } from "prisma/config";

// The URL is only read by CLI commands that talk to a database (migrate deploy/status where the
// schema engine is available); `prisma generate` needs none, so an unset variable is fine here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
