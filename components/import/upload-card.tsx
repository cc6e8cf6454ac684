"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input } from "../ui/field";
import { ProgressBar } from "./progress-bar";
import { uploadImportFile } from "./upload-file";

type Kind = "contacts" | "events";

const KIND_HELP: Record<Kind, string> = {
  contacts: "One row per contact: email and/or external id, names, location, custom attributes, consent.",
  events: "One row per event, such as purchases: email or external id, date, event name, revenue.",
};

export function UploadCard({ onUploaded }: { onUploaded: (id: string) => void }) {
  const [kind, setKind] = useState<Kind>("contacts");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const uploading = progress !== null;

  async function upload() {
    if (!file) {
      setError("Choose a CSV file first.");
      return;
    }
    setError(null);
    setProgress(0);
    const result = await uploadImportFile(file, kind, (fraction) => setProgress(Math.round(fraction * 100)));
    setProgress(null);
    if (result.ok) onUploaded(result.id);
    else setError(result.message);
  }

  return (
    <Card title="1. Upload a CSV file" description="Comma, semicolon or tab separated, UTF-8 (with or without BOM), up to 1 GB.">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">The file holds</legend>
          <div className="mt-2 flex flex-wrap gap-6">
            {(["contacts", "events"] as const).map((option) => (
              <label key={option} className="flex items-center gap-2 text-sm">
                <input type="radio" name="import-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
                {option === "contacts" ? "Contacts" : "Events (purchases and other actions)"}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-600">{KIND_HELP[kind]}</p>
        </fieldset>
        <Field id="import-file" label="CSV file" error={error}>
          <Input
            id="import-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "import-file-error" : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(null);
            }}
          />
        </Field>
        {uploading ? (
          <div className="space-y-1">
            <ProgressBar label="Upload progress" percent={progress} />
            <p className="text-xs text-slate-600">Uploading… {progress}%</p>
          </div>
        ) : null}
        <Button type="submit" disabled={uploading}>
          {uploading ? "Uploading…" : "Upload and preview"}
        </Button>
      </form>
    </Card>
  );
}
