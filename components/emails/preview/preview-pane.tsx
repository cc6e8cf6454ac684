"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { walkBlocks, type EmailDocument } from "@/server/email/document";
import { Button } from "../../ui/button";
import { Alert } from "../../ui/card";
import { paletteLabel } from "../editor/blocks";
import { ContactPicker, type PreviewTarget } from "./contact-picker";
import { TestSendDialog } from "./test-send-dialog";

const WIDTHS = { desktop: 600, mobile: 375 } as const;
type Device = keyof typeof WIDTHS;
type View = "rendered" | "html" | "text";

/** The email as one contact gets it: rendered by the server, shown at desktop or mobile width. */
export function PreviewPane({ templateId, document, canSend }: { templateId: string; document: EmailDocument; canSend: boolean }) {
  const trpc = useTRPC();
  const [device, setDevice] = useState<Device>("desktop");
  const [view, setView] = useState<View>("rendered");
  const [target, setTarget] = useState<PreviewTarget>({ kind: "sample" });
  const deferred = useDeferredValue(document);
  const input = {
    id: templateId,
    document: deferred,
    ...(target.kind === "contact" ? { contactId: target.contactId } : {}),
  };
  const preview = useQuery({ ...trpc.emails.preview.queryOptions(input), placeholderData: (previous) => previous });
  const data = preview.data;
  const labels = new Map([...walkBlocks(document.blocks)].map((block) => [block.id, paletteLabel(block.type)]));
  const contactId = data?.contact?.id;

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-label="Preview" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Toggle label="Width" value={device} options={{ desktop: "Desktop (600 px)", mobile: "Mobile (375 px)" }} onChange={setDevice} />
          <Toggle label="Show" value={view} options={{ rendered: "Email", html: "HTML source", text: "Plain text" }} onChange={setView} />
        </div>
        {preview.error ? <Alert>{errorMessage(preview.error)}</Alert> : null}
        {data ? (
          <>
            <dl className="grid grid-cols-[6rem_1fr] gap-x-2 text-sm">
              <dt className="text-slate-700">From</dt>
              <dd className="text-slate-900">{data.senderName}</dd>
              <dt className="text-slate-700">Subject</dt>
              <dd className="font-medium text-slate-900">{data.subject}</dd>
              <dt className="text-slate-700">Preheader</dt>
              <dd className="text-slate-900">{data.preheader || "—"}</dd>
              <dt className="text-slate-700">As</dt>
              <dd className="text-slate-900">{data.contact ? `${data.contact.name ?? data.contact.email ?? `contact ${data.contact.id}`}${data.contact.email && data.contact.name ? ` <${data.contact.email}>` : ""}` : "a generated sample contact"}</dd>
            </dl>
            {view === "rendered" ? (
              <div className="overflow-x-auto rounded-md bg-slate-100 p-3">
                <iframe title={`Email preview, ${device} width`} srcDoc={data.html} sandbox="" className="mx-auto block h-[720px] rounded border border-slate-300 bg-white" style={{ width: WIDTHS[device] }} />
              </div>
            ) : (
              <pre tabIndex={0} aria-label={view === "html" ? "HTML source" : "Plain text"} className="max-h-[720px] overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
                {view === "html" ? data.html : data.text}
              </pre>
            )}
          </>
        ) : preview.isPending ? (
          <p className="text-sm text-slate-700">Rendering…</p>
        ) : null}
      </section>
      <aside aria-label="Preview settings" className="space-y-4">
        <ContactPicker templateId={templateId} target={target} onChange={setTarget} />
        {data ? (
          <section aria-labelledby="block-visibility-title" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <h2 id="block-visibility-title" className="text-sm font-semibold text-slate-900">
              Blocks for this contact on {device}
            </h2>
            <ul className="mt-2 space-y-1 text-sm">
              {data.blocks.map((block) => {
                const hiddenHere = deviceHides(document, block.blockId, device);
                const shown = block.shown && !hiddenHere;
                return (
                  <li key={block.blockId} className={shown ? "text-slate-800" : "text-slate-700"}>
                    <span className={`font-medium ${shown ? "text-emerald-800" : "text-red-800"}`}>{shown ? "Shown" : "Hidden"}</span> · {labels.get(block.blockId) ?? "Block"}{" "}
                    <span className="font-mono text-xs">{block.blockId}</span>
                    <span className="block text-xs">{hiddenHere ?? block.reason}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {canSend ? <TestSendDialog templateId={templateId} document={document} contactId={contactId} /> : null}
      </aside>
    </div>
  );
}

/** Device-only blocks are in the HTML for both and hidden by a media query; the list says so per width. */
function deviceHides(document: EmailDocument, blockId: string, device: Device): string | null {
  const block = [...walkBlocks(document.blocks)].find((b) => b.id === blockId);
  if (block?.visibility === "mobile_only" && device === "desktop") return "Mobile only: hidden at desktop width";
  if (block?.visibility === "desktop_only" && device === "mobile") return "Desktop only: hidden at mobile width";
  return null;
}

function Toggle<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Record<T, string>; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="flex rounded-md border border-slate-300 p-0.5">
      {(Object.keys(options) as T[]).map((option) => (
        <Button key={option} variant={option === value ? "primary" : "ghost"} className="px-2 py-1 text-xs" aria-pressed={option === value} onClick={() => onChange(option)}>
          {options[option]}
        </Button>
      ))}
    </div>
  );
}
