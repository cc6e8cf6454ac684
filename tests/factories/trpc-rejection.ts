import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The TRPCError a call was rejected with; fails the test when it resolved or threw something else. */
export async function trpcRejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
