import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type AuditEvent = {
  workspaceId: string | null;
  actorId: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonObject;
  ipAddress?: string | null;
  userAgent?: string | null;
};

export const AUDIT_ACTIONS = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "member.invited": "Invited a member",
  "member.invitation_revoked": "Revoked an invitation",
  "member.joined": "Joined the workspace",
  "member.role_changed": "Changed a role",
  "member.removed": "Removed a member",
  "job.started": "Started a job",
  "import.started": "Started a CSV import",
  "contact.updated": "Edited a contact",
  "contact.consent_recorded": "Recorded a consent change",
  "contact.suppressed": "Suppressed a contact",
  "contact.unsuppressed": "Lifted a suppression",
  "write_key.created": "Created a write key",
  "write_key.revoked": "Revoked a write key",
  "scores.run_started": "Started a scoring run",
  "segment.created": "Created a segment",
  "segment.updated": "Edited a segment",
  "segment.deleted": "Deleted a segment",
  "segment.exported": "Exported segment members",
  "email.created": "Created an email",
  "email.saved": "Saved an email",
  "email.restored": "Restored an email version",
  "email.test_sent": "Sent a test email",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export async function recordAudit(db: Pick<Db, "auditLogEntry">, event: AuditEvent): Promise<void> {
  await db.auditLogEntry.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      actorEmail: event.actorEmail ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      data: event.data ?? {},
      ipAddress: event.ipAddress ?? null,
      userAgent: event.userAgent ?? null,
    },
  });
}
