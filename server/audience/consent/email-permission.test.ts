import { describe, expect, it } from "vitest";
import { effectiveEmailPermission } from "./email-permission";

describe("effectiveEmailPermission", () => {
  it("allows email when consent is granted and nothing is suppressed", () => {
    expect(effectiveEmailPermission("granted", [])).toEqual({ allowed: true, reason: "granted" });
  });

  it("refuses a suppressed contact whatever the consent", () => {
    expect(effectiveEmailPermission("granted", [{ reason: "hard_bounce" }])).toEqual({
      allowed: false,
      reason: "suppressed",
      suppression: "hard_bounce",
    });
  });

  it("names the most serious of several suppressions", () => {
    expect(effectiveEmailPermission(null, [{ reason: "manual" }, { reason: "complaint" }])).toMatchObject({
      suppression: "complaint",
    });
  });

  it("refuses withdrawn or denied consent", () => {
    expect(effectiveEmailPermission("withdrawn", [])).toEqual({ allowed: false, reason: "withdrawn" });
    expect(effectiveEmailPermission("denied", [])).toEqual({ allowed: false, reason: "denied" });
  });

  it("refuses a contact who never gave consent (opt-in)", () => {
    expect(effectiveEmailPermission(null, [])).toEqual({ allowed: false, reason: "no_consent" });
  });
});
