/**
 * Reads the Postgres SQLSTATE out of an error from Prisma's pg driver adapter, which keeps
 * it on meta.driverAdapterError.cause.originalCode (and in the message as "Code: `23505`").
 */
export function sqlStateOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause;
  if (typeof cause?.originalCode === "string") return cause.originalCode;
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" ? (/Code: `([0-9A-Z]{5})`/.exec(message)?.[1] ?? null) : null;
}

/** Another batch changed what this one relied on between two of its statements; worth another try. */
export class ConcurrentChangeError extends Error {}

/** Prisma's own code for a transaction that lost a write conflict or deadlock. */
const PRISMA_WRITE_CONFLICT = "P2034";

/**
 * Unique violation (a concurrent insert won), foreign key violation (a concurrent merge deleted
 * the contact), deadlock, serialization failure: the batch is worth another try.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (error instanceof ConcurrentChangeError) return true;
  if ((error as { code?: unknown } | null)?.code === PRISMA_WRITE_CONFLICT) return true;
  const state = sqlStateOf(error);
  return state === "23505" || state === "23503" || state === "40P01" || state === "40001";
}

/** Class 22: a value Postgres refuses (\u0000 in JSON, a number out of range, ...). */
export function isDataError(error: unknown): boolean {
  return sqlStateOf(error)?.startsWith("22") ?? false;
}
