import type { SampleSet } from "./types";

export const contactsSamples: SampleSet = {
  async prepare({ db, workspace, label }) {
    const email = `secret-contact-${label.toLowerCase()}@example.test`;
    const contact = await db.contact.create({
      data: { workspaceId: workspace.id, email, firstName: `Secret${label}`, attributes: { plan: `plan-${label}` } },
    });
    await db.event.create({
      data: {
        workspaceId: workspace.id,
        contactId: contact.id,
        type: "track",
        name: "Order Completed",
        properties: { order_id: `order-secret-${label}` },
        occurredAt: new Date(),
        messageId: `msg-secret-${label}`,
        source: "api",
      },
    });
    await db.consentRecord.create({
      data: { workspaceId: workspace.id, contactId: contact.id, purpose: "email_marketing", state: "granted", source: "form", reason: `consent-secret-${label}`, occurredAt: new Date() },
    });
    const manual = await db.suppression.create({
      data: { workspaceId: workspace.id, email, contactId: contact.id, reason: "manual", note: `suppression-secret-${label}` },
    });
    return { contactId: contact.id.toString(), email, suppressionId: manual.id.toString() };
  },
  inputs: {
    "contacts.list": () => ({ search: "secret-contact" }),
    "contacts.count": () => ({ search: "secret-contact" }),
    "contacts.get": (_, r) => ({ contactId: r.contactId }),
    "contacts.timeline": (_, r) => ({ contactId: r.contactId }),
    "contacts.consentHistory": (_, r) => ({ contactId: r.contactId }),
    "contacts.updateAttributes": (_, r) => ({ contactId: r.contactId, profile: { firstName: "Changed" }, setAttributes: { plan: "changed" } }),
    "contacts.recordConsent": (_, r) => ({ contactId: r.contactId, purpose: "email_marketing", state: "withdrawn", reason: "test" }),
    "contacts.addSuppression": (_, r) => ({ contactId: r.contactId, note: "test" }),
    "contacts.removeSuppression": (_, r) => ({ contactId: r.contactId, suppressionId: r.suppressionId, note: "test" }),
  },
  secrets: (t, r) => [r.email!, `Secret${t.label}`, `plan-${t.label}`, `order-secret-${t.label}`, `consent-secret-${t.label}`, `suppression-secret-${t.label}`],
  async snapshot({ db, workspace }) {
    const where = { workspaceId: workspace.id };
    return {
      contacts: await db.contact.findMany({ where, orderBy: { id: "asc" } }),
      consents: await db.contactConsent.findMany({ where, orderBy: { contactId: "asc" } }),
      consentRecords: await db.consentRecord.count({ where }),
      suppressions: await db.suppression.findMany({ where, orderBy: { id: "asc" } }),
    };
  },
};
