/** What the tRPC error formatter (server/trpc/init.ts) adds to an error's data. */
type FormError = {
  message: string;
  data?: { fieldErrors?: Record<string, string[] | undefined>; field?: string | null } | null;
} | null;

/** The message to show under one input: a zod issue on that field, or a UserFacingError naming it. */
export function fieldErrorOf(error: FormError, field: string): string | null {
  if (!error) return null;
  return error.data?.fieldErrors?.[field]?.[0] ?? (error.data?.field === field ? error.message : null);
}
