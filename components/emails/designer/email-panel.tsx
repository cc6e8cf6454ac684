"use client";

import type { EmailDocument } from "@/server/email/document";
import type { TemplateView } from "@/server/email/templates/get-template";
import { TokenInput } from "../panel/token-input";
import { useDesigner } from "./designer-context";
import { EmptyTokens } from "./empty-tokens";
import { VersionsPanel } from "./versions-panel";

/** The side panel when no block is selected: the envelope fields, empty-token counts and versions. */
export function EmailPanel({ templateId, document, onRestored }: { templateId: string; document: EmailDocument; onRestored: (template: TemplateView) => void }) {
  const { dispatch, readOnly } = useDesigner();
  const set = (field: "subject" | "preheader" | "senderName") => (value: string) => dispatch({ type: "updateDocument", fields: { [field]: value }, field, at: Date.now() });
  return (
    <>
      <section aria-labelledby="email-panel-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 id="email-panel-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          Email
        </h2>
        <fieldset disabled={readOnly} className="space-y-3 px-4 py-4">
          <legend className="sr-only">Envelope</legend>
          <TokenInput id="email-subject" label="Subject" value={document.subject} onChange={set("subject")} />
          <TokenInput id="email-preheader" label="Preheader" value={document.preheader} onChange={set("preheader")} hint="The preview line inboxes show after the subject." />
          <TokenInput id="email-sender" label="Sender name" value={document.senderName} onChange={set("senderName")} />
        </fieldset>
      </section>
      <EmptyTokens document={document} />
      <VersionsPanel templateId={templateId} onRestored={onRestored} />
    </>
  );
}
