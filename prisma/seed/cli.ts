// `npm run seed`: loads the demo workspace and users into DATABASE_URL (idempotent).
import { createDb } from "../../server/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "./demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run dev` seeds its embedded database by itself.");
  process.exit(1);
}
const db = createDb(url);
try {
  const { created } = await seedDemoData(db);
  console.log(created ? "Demo data loaded." : "Demo data was already there.");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email} / ${DEMO_PASSWORD}`);
} finally {
  await db.$disconnect();
}
