"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { fieldErrorOf } from "@/components/trpc/field-error";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { EmailDocument } from "@/server/email/document";
import { Button } from "../../ui/button";
import { Alert, FormError } from "../../ui/card";
import { TextField } from "../../ui/field";

/** Sends the email as rendered for the previewed contact to any address, over SMTP. */
export function TestSendDialog({ templateId, document, contactId }: { templateId: string; document: EmailDocument; contactId: string | undefined }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState("");
  const send = useMutation(trpc.emails.testSend.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate({ id: templateId, document, to, ...(contactId ? { contactId } : {}) });
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) send.reset();
      }}
    >
      <Dialog.Trigger asChild>
        <Button className="w-full">Send a test…</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">Send a test email</Dialog.Title>
          <Dialog.Description className="text-sm text-slate-700">
            {contactId ? "Rendered for the contact you are previewing." : "Rendered for a generated sample contact."} The current draft is sent, saved or not.
          </Dialog.Description>
          {send.data ? (
            <Alert tone="success">
              Sent (message {send.data.messageId}).{" "}
              {send.data.captured ? (
                <>
                  It was captured by the local SMTP server: <Link href="/emails/outbox" className="font-medium underline">open the Outbox</Link>.
                </>
              ) : (
                "Check the inbox of that address."
              )}
            </Alert>
          ) : (
            <form onSubmit={submit} className="space-y-4">
              <TextField id="test-send-to" label="Send to" type="email" required value={to} onChange={(e) => setTo(e.target.value)} error={fieldErrorOf(send.error, "to")} />
              <FormError message={send.error && !fieldErrorOf(send.error, "to") ? errorMessage(send.error) : null} className="" />
              <div className="flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary">Cancel</Button>
                </Dialog.Close>
                <Button type="submit" disabled={send.isPending}>
                  {send.isPending ? "Sending…" : "Send test"}
                </Button>
              </div>
            </form>
          )}
          {send.data ? (
            <div className="flex justify-end">
              <Dialog.Close asChild>
                <Button variant="secondary">Close</Button>
              </Dialog.Close>
            </div>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
