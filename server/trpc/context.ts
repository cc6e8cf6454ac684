import { resolveViewer } from "../auth/viewer";
import { getDb } from "../db/client";
import type { Context } from "./init";

export async function createContext(headers: Headers): Promise<Context> {
  const db = getDb();
  return {
    db,
    viewer: await resolveViewer(db, headers),
    ipAddress: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    userAgent: headers.get("user-agent"),
  };
}
