import { describe, expect, it } from "vitest";
import { acceptInvitationInput, inviteMemberInput } from "./schemas";

describe("inviteMemberInput", () => {
  it("normalizes the address and rejects what is not one", () => {
    expect(inviteMemberInput.parse({ email: "  Ann@Example.COM ", role: "manager" }).email).toBe("ann@example.com");
    const bad = inviteMemberInput.safeParse({ email: "ann@", role: "manager" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Enter a valid email address");
    expect(inviteMemberInput.safeParse({ email: "a@b.co", role: "owner" }).success).toBe(false);
  });
});

describe("acceptInvitationInput", () => {
  const valid = { token: "t".repeat(43), name: "Ann", password: "0123456789", confirmPassword: "0123456789" };
  it("accepts a name and a confirmed password of at least 10 characters", () => {
    expect(acceptInvitationInput.safeParse(valid).success).toBe(true);
  });
  it("names the field at fault", () => {
    const short = acceptInvitationInput.safeParse({ ...valid, password: "short", confirmPassword: "short" });
    expect(short.error?.flatten().fieldErrors.password).toEqual(["Use at least 10 characters"]);
    const mismatch = acceptInvitationInput.safeParse({ ...valid, confirmPassword: "9876543210" });
    expect(mismatch.error?.flatten().fieldErrors.confirmPassword).toEqual(["The passwords do not match"]);
    const blank = acceptInvitationInput.safeParse({ ...valid, name: "   " });
    expect(blank.error?.flatten().fieldErrors.name).toEqual(["Enter your name"]);
  });
});
