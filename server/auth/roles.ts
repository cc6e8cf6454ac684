export const ROLES = ["admin", "marketer", "manager"] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a procedure; every tRPC procedure names one of these or its own list. */
export const ANY_MEMBER: readonly Role[] = ROLES;
export const EDITORS: readonly Role[] = ["admin", "marketer"];
export const ADMINS: readonly Role[] = ["admin"];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  marketer: "Marketer",
  manager: "Manager (read-only)",
};

export function canEdit(role: Role): boolean {
  return role !== "manager";
}
