/**
 * An error meant for the person using Tailor: a stable code, a plain message and, where it
 * applies, the field at fault. Anything else thrown is treated as internal and never shown raw.
 */
export type UserErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN";

export class UserFacingError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
