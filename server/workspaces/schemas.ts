import { z } from "zod";
import { ROLES } from "../auth/roles";

export const roleSchema = z.enum(ROLES);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }));

export const inviteMemberInput = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleInput = z.object({ membershipId: z.uuid(), role: roleSchema });
export const removeMemberInput = z.object({ membershipId: z.uuid() });
export const revokeInvitationInput = z.object({ invitationId: z.uuid() });

export const acceptInvitationInput = z
  .object({
    token: z.string().min(20).max(200),
    name: z.string().trim().min(1, "Enter your name").max(100),
    password: z.string().min(10, "Use at least 10 characters").max(128, "Use at most 128 characters"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "The passwords do not match",
    path: ["confirmPassword"],
  });
