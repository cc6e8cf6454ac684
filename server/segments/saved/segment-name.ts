import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";

const nameTaken = (name: string) => new UserFacingError("CONFLICT", `A segment named "${name}" already exists in this workspace.`, "name");

/** Names are unique per workspace, whatever their case. */
export async function assertSegmentNameFree(db: Db, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await db.segment.findFirst({
    where: { workspaceId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken(name);
}

/** The unique index catches two saves racing past assertSegmentNameFree. */
export function rethrowNameClash(error: unknown, name: string): never {
  if ((error as { code?: unknown }).code === "P2002") throw nameTaken(name);
  throw error;
}
