"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, PageHeader } from "../ui/card";
import { ContactAttributes } from "./contact-attributes";
import { ContactConsent } from "./contact-consent";
import { ContactProfile } from "./contact-profile";
import { ContactScores } from "./contact-scores";
import { ContactSuppressions } from "./contact-suppressions";
import { ContactTimeline } from "./contact-timeline";
import { displayName, formatDateTime, SUPPRESSION_LABELS } from "./format";

const NOT_ALLOWED = {
  withdrawn: "email marketing consent was withdrawn",
  denied: "email marketing consent was denied",
  no_consent: "no email marketing consent on record",
} as const;

export function ContactView({ contactId, canEdit }: { contactId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const contact = useQuery(trpc.contacts.get.queryOptions({ contactId }));

  if (contact.error) {
    return (
      <>
        <PageHeader title="Contact" />
        <Alert>{errorMessage(contact.error)}</Alert>
        <p className="mt-4 text-sm">
          <Link href="/audience" className="text-brand-700 underline">Back to the audience</Link>
        </p>
      </>
    );
  }
  if (!contact.data) return <p className="text-sm text-slate-600">Loading the contact…</p>;
  const c = contact.data;
  const permission = c.emailPermission;
  const subtitle = [c.email, c.externalId ? `external id ${c.externalId}` : null].filter(Boolean).join(" · ");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/audience" className="text-brand-700 hover:underline">← Audience</Link>
      </p>
      <PageHeader title={displayName(c)} description={subtitle || undefined}>
        <dl className="grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-slate-600">Created</dt>
            <dd>{formatDateTime(c.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">First seen</dt>
            <dd>{formatDateTime(c.firstSeenAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Last seen</dt>
            <dd>{formatDateTime(c.lastSeenAt)}</dd>
          </div>
        </dl>
      </PageHeader>
      <div className="mb-6">
        {permission.allowed ? (
          <Alert tone="success">Marketing emails may be sent: consent granted, no suppression.</Alert>
        ) : permission.reason === "suppressed" ? (
          <Alert>Emails will not be sent: suppressed ({SUPPRESSION_LABELS[permission.suppression]}).</Alert>
        ) : (
          <Alert tone="info">Emails will not be sent: {NOT_ALLOWED[permission.reason]}.</Alert>
        )}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="space-y-6">
          <ContactProfile contact={c} canEdit={canEdit} />
          <ContactAttributes contactId={c.id} attributes={c.attributes} canEdit={canEdit} />
          <ContactScores contactId={c.id} />
        </div>
        <div className="space-y-6">
          <ContactConsent contactId={c.id} consents={c.consents} canEdit={canEdit} />
          <ContactSuppressions contactId={c.id} hasEmail={Boolean(c.email)} suppressions={c.suppressions} canEdit={canEdit} />
        </div>
      </div>
      <div className="mt-6">
        <ContactTimeline contactId={c.id} />
      </div>
    </>
  );
}
