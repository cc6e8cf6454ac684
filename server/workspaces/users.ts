import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db/client";

/**
 * Creates a user who signs in with email and password, the same rows better-auth's own sign-up
 * writes (a `user` and a `credential` account holding the scrypt hash). Tailor has no open
 * sign-up, so invitations and the demo seed create accounts through here.
 */
export async function createPasswordUser(
  db: Pick<Db, "user">,
  input: { email: string; name: string; password: string },
) {
  const id = randomUUID();
  const password = await hashPassword(input.password);
  return db.user.create({
    data: {
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password } },
    },
  });
}
