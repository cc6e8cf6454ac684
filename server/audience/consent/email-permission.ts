export type ConsentStateValue = "granted" | "withdrawn" | "denied";
export type SuppressionReasonValue = "hard_bounce" | "complaint" | "unsubscribe" | "manual";

export type EmailPermission =
  | { allowed: true; reason: "granted" }
  | { allowed: false; reason: "suppressed"; suppression: SuppressionReasonValue }
  | { allowed: false; reason: "withdrawn" | "denied" | "no_consent" };

// When several suppressions apply, the one shown is the most serious.
const SUPPRESSION_SEVERITY: SuppressionReasonValue[] = ["complaint", "hard_bounce", "unsubscribe", "manual"];

/**
 * May marketing email go to this contact? A suppression wins over any consent; without a
 * suppression only an explicit grant allows it (email marketing is opt-in).
 */
export function effectiveEmailPermission(
  consentState: ConsentStateValue | null,
  suppressions: readonly { reason: SuppressionReasonValue }[],
): EmailPermission {
  const worst = SUPPRESSION_SEVERITY.find((reason) => suppressions.some((s) => s.reason === reason));
  if (worst) return { allowed: false, reason: "suppressed", suppression: worst };
  if (consentState === "granted") return { allowed: true, reason: "granted" };
  return { allowed: false, reason: consentState ?? "no_consent" };
}
