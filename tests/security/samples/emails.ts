import { starterDocument } from "../../../server/email";
import type { SampleSet, WorkspaceFixture } from "./types";

const snapshotOf = async ({ db, workspace }: WorkspaceFixture) => ({
  templates: await db.emailTemplate.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" }, include: { versions: { orderBy: { version: "asc" } } } }),
  outbox: await db.outboxMessage.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" } }),
});

export const emailSamples: SampleSet = {
  async prepare({ db, workspace, admin, label }) {
    const document = starterDocument("newsletter");
    const template = await db.emailTemplate.create({
      data: { workspaceId: workspace.id, name: `Secret email ${label}`, document, updatedById: admin.user.id },
    });
    await db.emailTemplateVersion.create({ data: { templateId: template.id, version: 1, kind: "create", document, authorId: admin.user.id } });
    const contact = await db.contact.create({
      data: { workspaceId: workspace.id, email: `email-preview-${label.toLowerCase()}@example.test`, firstName: `PreviewSecret${label}` },
    });
    const message = await db.outboxMessage.create({
      data: {
        workspaceId: workspace.id,
        envelopeFrom: "tailor@localhost",
        envelopeTo: [`outbox-secret-${label.toLowerCase()}@example.test`],
        from: "Acme <tailor@localhost>",
        to: `outbox-secret-${label.toLowerCase()}@example.test`,
        subject: `Outbox secret subject ${label}`,
        headers: [{ name: "Subject", value: `Outbox secret subject ${label}` }],
        html: `<p>outbox-secret-html-${label}</p>`,
        text: `outbox-secret-text-${label}`,
        sizeBytes: 100,
      },
    });
    return { templateId: template.id, contactId: contact.id.toString(), outboxId: message.id };
  },
  inputs: {
    "emails.list": () => undefined,
    "emails.starters": () => undefined,
    "emails.create": () => ({ name: "Created by the access test" }),
    "emails.get": (_, r) => ({ id: r.templateId }),
    "emails.save": (_, r) => ({ id: r.templateId, document: starterDocument("welcome"), baseVersion: 1, kind: "autosave" }),
    "emails.versions": (_, r) => ({ id: r.templateId }),
    "emails.restore": (_, r) => ({ id: r.templateId, version: 1 }),
    "emails.lint": () => ({ document: starterDocument("welcome") }),
    "emails.preview": (_, r) => ({ id: r.templateId, contactId: r.contactId }),
    "emails.emptyTokens": () => ({ document: starterDocument("newsletter") }),
    "emails.testSend": (_, r) => ({ id: r.templateId, contactId: r.contactId, to: "access-test@example.test" }),
    "outbox.list": () => undefined,
    "outbox.get": (_, r) => ({ id: r.outboxId }),
  },
  secrets: (t) => [
    `Secret email ${t.label}`,
    `email-preview-${t.label.toLowerCase()}@example.test`,
    `PreviewSecret${t.label}`,
    `Outbox secret subject ${t.label}`,
    `outbox-secret-html-${t.label}`,
    `outbox-secret-text-${t.label}`,
  ],
  snapshot: snapshotOf,
};
