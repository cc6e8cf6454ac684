import type { Role } from "../../server/auth/roles";
import type { Db } from "../../server/db/client";
import { createPasswordUser } from "../../server/workspaces/users";

export const DEMO_PASSWORD = "tailor-demo-2026";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "marketer@example.com", name: "Mia Marketer", role: "marketer" },
  { email: "manager@example.com", name: "Max Manager", role: "manager" },
];

export const DEMO_WORKSPACES = [
  { slug: "acme-outfitters", name: "Acme Outfitters" },
  // A second brand, so that switching workspaces can be tried: only the admin belongs to it.
  { slug: "northwind-books", name: "Northwind Books" },
];

/** Loads the demo workspace and its three users once; a database that has them is left alone. */
export async function seedDemoData(db: Db): Promise<{ created: boolean }> {
  const primary = DEMO_WORKSPACES[0]!;
  if (await db.workspace.findUnique({ where: { slug: primary.slug } })) return { created: false };
  const [acme, northwind] = await Promise.all(
    DEMO_WORKSPACES.map((w) => db.workspace.create({ data: { slug: w.slug, name: w.name } })),
  );
  for (const demoUser of DEMO_USERS) {
    const user =
      (await db.user.findUnique({ where: { email: demoUser.email } })) ??
      (await createPasswordUser(db, { email: demoUser.email, name: demoUser.name, password: DEMO_PASSWORD }));
    await db.membership.create({ data: { workspaceId: acme!.id, userId: user.id, role: demoUser.role } });
    if (demoUser.role === "admin") {
      await db.membership.create({ data: { workspaceId: northwind!.id, userId: user.id, role: "admin" } });
    }
  }
  return { created: true };
}
