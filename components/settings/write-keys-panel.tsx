"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrorOf } from "@/components/trpc/field-error";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../ui/button";
import { Alert, Badge, Card, FormError } from "../ui/card";
import { TextField } from "../ui/field";
import { DataTable } from "../ui/table";
import { NewWriteKey } from "./write-keys-new-key";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function WriteKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.writeKeys.list.queryOptions());
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.writeKeys.list.queryKey() });
  const revoke = useMutation(
    trpc.writeKeys.revoke.mutationOptions({
      onSuccess: () => {
        setNotice({ tone: "success", text: "Write key revoked. Requests using it are refused from now on." });
        return refresh();
      },
      onError: (error) => setNotice({ tone: "error", text: errorMessage(error) }),
    }),
  );

  return (
    <div className="space-y-6">
      <CreateWriteKeyForm onCreated={refresh} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Card title="Keys of this workspace">
        {keys.isPending ? <p className="text-sm text-slate-600">Loading write keys…</p> : null}
        {keys.error ? <Alert>{errorMessage(keys.error)}</Alert> : null}
        {keys.data ? (
          <DataTable
            caption="Write keys"
            rows={keys.data}
            rowKey={(key) => key.id}
            empty={<p className="text-sm text-slate-600">No write keys yet. Create one for each site or shop that sends events.</p>}
            columns={[
              { key: "name", header: "Name", className: "font-medium", cell: (key) => key.name },
              { key: "key", header: "Key", className: "font-mono text-xs text-slate-700", cell: (key) => `${key.keyPrefix}…` },
              {
                key: "created",
                header: "Created",
                className: "text-slate-700",
                cell: (key) => (
                  <>
                    {dateFormat.format(key.createdAt)}
                    {key.createdBy ? ` by ${key.createdBy}` : ""}
                  </>
                ),
              },
              {
                key: "lastUsed",
                header: "Last used",
                className: "text-slate-700",
                cell: (key) => (key.lastUsedAt ? dateFormat.format(key.lastUsedAt) : "Never"),
              },
              {
                key: "status",
                header: <span className="sr-only">Status and actions</span>,
                align: "right",
                cell: (key) =>
                  key.revokedAt ? (
                    <Badge tone="red">revoked {dateFormat.format(key.revokedAt)}</Badge>
                  ) : (
                    <Button
                      variant="danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (window.confirm(`Revoke the write key "${key.name}"? Sites using it can no longer send events.`)) {
                          revoke.mutate({ id: key.id });
                        }
                      }}
                    >
                      Revoke<span className="sr-only"> {key.name}</span>
                    </Button>
                  ),
              },
            ]}
          />
        ) : null}
      </Card>
    </div>
  );
}

function CreateWriteKeyForm({ onCreated }: { onCreated: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation(
    trpc.writeKeys.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated({ name: result.name, key: result.key });
        setName("");
        await onCreated();
      },
    }),
  );
  const fieldError = fieldErrorOf(create.error, "name");
  return (
    <Card title="Create a write key" description="One key per site or shop lets you revoke one without touching the others.">
      <form
        className="flex flex-wrap items-start gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setCreated(null);
          create.mutate({ name });
        }}
        noValidate
      >
        <div className="min-w-64 flex-1">
          <TextField
            id="write-key-name"
            label="Key name"
            hint="For example: Web shop (production)"
            error={fieldError}
            value={name}
            required
            maxLength={100}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <Button type="submit" className="mt-6" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>
      <FormError message={create.error && !fieldError ? errorMessage(create.error) : null} />
      {created ? <NewWriteKey name={created.name} writeKey={created.key} /> : null}
    </Card>
  );
}
