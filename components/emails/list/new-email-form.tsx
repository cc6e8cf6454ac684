"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrorOf } from "@/components/trpc/field-error";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../../ui/button";
import { Card, FormError } from "../../ui/card";
import { TextField } from "../../ui/field";

const BLANK = "blank";

/** "New email": a name and a starting point (one of the starters, or blank). */
export function NewEmailForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const starters = useQuery(trpc.emails.starters.queryOptions());
  const [name, setName] = useState("");
  const [starter, setStarter] = useState<string>(BLANK);
  const create = useMutation(trpc.emails.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/emails/${id}`) }));
  const options = [{ id: BLANK, name: "Blank", description: "A heading, a paragraph and the footer" }, ...(starters.data ?? [])];

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = starters.data?.find((s) => s.id === starter)?.id;
    create.mutate({ name, ...(chosen ? { starter: chosen } : {}) });
  }

  return (
    <Card title="New email" description="Start from a starter template or a blank page.">
      <form onSubmit={submit} className="space-y-4">
        <TextField id="new-email-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} error={fieldErrorOf(create.error, "name")} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Start from</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
            {options.map((option) => (
              <label
                key={option.id}
                className={`flex cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${starter === option.id ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
              >
                <span className="flex items-center gap-2 font-medium text-slate-900">
                  <input type="radio" name="starter" value={option.id} checked={starter === option.id} onChange={() => setStarter(option.id)} />
                  {option.name}
                </span>
                <span className="text-xs text-slate-700">{option.description}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FormError message={create.error && !fieldErrorOf(create.error, "name") ? errorMessage(create.error) : null} className="" />
        <Button type="submit" disabled={create.isPending || name.trim() === ""}>
          {create.isPending ? "Creating…" : "Create email"}
        </Button>
      </form>
    </Card>
  );
}
