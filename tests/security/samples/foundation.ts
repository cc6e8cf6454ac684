import { enqueueJob } from "../../../server/worker/queue";
import { inviteMember } from "../../../server/workspaces/invitations";
import type { SampleSet } from "./types";

export const foundationSamples: SampleSet = {
  async prepare({ db, workspace, admin, label }) {
    const actor = { userId: admin.user.id, email: admin.user.email, workspaceId: workspace.id };
    const { invitation } = await inviteMember(db, actor, { email: `invitee-${label}@example.test`, role: "marketer" }, "http://localhost");
    const job = await enqueueJob(db, { workspaceId: workspace.id, task: "demo.count", payload: { steps: 1, stepMs: 0 }, createdById: admin.user.id });
    return { invitationId: invitation.id, invitationEmail: invitation.email, jobId: job.id };
  },
  inputs: {
    "workspace.current": () => undefined,
    "members.list": () => undefined,
    "members.invitations": () => undefined,
    "members.invite": () => ({ email: "someone-new@example.test", role: "admin" }),
    "members.revokeInvitation": (_, r) => ({ invitationId: r.invitationId }),
    "members.changeRole": (t) => ({ membershipId: t.marketer.membership.id, role: "admin" }),
    "members.remove": (t) => ({ membershipId: t.manager.membership.id }),
    "audit.list": () => ({ limit: 50 }),
    "jobs.list": () => undefined,
    "jobs.get": (_, r) => ({ id: r.jobId }),
    "jobs.startDemo": () => ({ steps: 1, stepMs: 0 }),
  },
  secrets: (t, r) => [
    t.workspace.id,
    t.admin.user.email,
    t.marketer.user.email,
    t.manager.user.email,
    r.invitationId!,
    r.invitationEmail!,
    r.jobId!,
  ],
  async snapshot({ db, workspace }) {
    const where = { workspaceId: workspace.id };
    return {
      memberships: await db.membership.findMany({ where, orderBy: { id: "asc" } }),
      invitations: await db.invitation.findMany({ where, orderBy: { id: "asc" } }),
      jobRuns: (await db.jobRun.findMany({ where, orderBy: { id: "asc" } })).map((run) => ({ id: run.id, task: run.task })),
      audit: await db.auditLogEntry.count({ where }),
    };
  },
};
