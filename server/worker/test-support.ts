import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";

// Factories and helpers for the worker's integration tests.

export async function createTestWorkspace(db: Db) {
  const suffix = randomUUID().slice(0, 8);
  return db.workspace.create({ data: { name: `Workspace ${suffix}`, slug: `workspace-${suffix}` } });
}

export async function createTestUser(db: Db, name = "Mara Marketer") {
  const id = randomUUID();
  return db.user.create({ data: { id, name, email: `${id}@example.test` } });
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  description: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
