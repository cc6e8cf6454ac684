"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../ui/button";
import { Alert, Badge, Card } from "../ui/card";
import { Field, Input } from "../ui/field";
import { JobProgress } from "./job-progress";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium" });

export function JobsPanel({ canStart }: { canStart: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runs = useQuery({
    ...trpc.jobs.list.queryOptions(),
    // Poll only while something is still moving.
    refetchInterval: (query) =>
      query.state.data?.some((run) => run.status === "queued" || run.status === "running") ? 500 : false,
  });
  const [steps, setSteps] = useState("20");
  const start = useMutation(
    trpc.jobs.startDemo.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() }),
    }),
  );
  const stepsNumber = Number(steps);
  const stepsError = Number.isInteger(stepsNumber) && stepsNumber >= 1 && stepsNumber <= 1000 ? null : "Enter a whole number from 1 to 1000";

  return (
    <div className="space-y-6">
      {canStart ? (
        <Card
          title="Try the worker"
          description="Starts a demo job that counts in the background; watch its progress below. It survives a worker restart and resumes where it stopped."
        >
          <form
            className="flex flex-wrap items-start gap-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!stepsError) start.mutate({ steps: stepsNumber, stepMs: 250 });
            }}
          >
            <div className="w-40">
              <Field id="demo-steps" label="Steps" error={stepsError}>
                <Input
                  id="demo-steps"
                  inputMode="numeric"
                  value={steps}
                  aria-invalid={stepsError ? true : undefined}
                  aria-describedby={stepsError ? "demo-steps-error" : undefined}
                  onChange={(event) => setSteps(event.target.value)}
                />
              </Field>
            </div>
            <Button type="submit" className="mt-6" disabled={start.isPending || stepsError !== null}>
              Run demo job
            </Button>
          </form>
          {start.error ? (
            <div className="mt-4">
              <Alert>{errorMessage(start.error)}</Alert>
            </div>
          ) : null}
        </Card>
      ) : null}
      <Card title="Recent jobs">
        {runs.error ? <Alert>{errorMessage(runs.error)}</Alert> : null}
        {runs.data?.length === 0 ? <p className="text-sm text-slate-600">No jobs have run in this workspace yet.</p> : null}
        {runs.data && runs.data.length > 0 ? (
          <ul className="divide-y divide-slate-200" aria-label="Jobs">
            {runs.data.map((run) => (
              <li key={run.id} className="py-3" data-testid="job-run">
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="font-medium">{run.title}</span>
                  <span className="flex items-center gap-2 text-slate-600">
                    {run.createdByName ? `by ${run.createdByName} · ` : ""}
                    {timeFormat.format(run.createdAt)}
                    <StatusBadge status={run.status} />
                  </span>
                </div>
                <JobProgress label={run.title} done={run.progressDone} total={run.progressTotal} status={run.status} />
                {run.message ? <p className="mt-1 text-xs text-slate-600">{run.message}</p> : null}
                {run.error ? <p className="mt-1 text-xs text-red-700">{run.error}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </div>
  );
}

function StatusBadge({ status }: { status: "queued" | "running" | "succeeded" | "failed" }) {
  const tone = { queued: "slate", running: "brand", succeeded: "green", failed: "red" } as const;
  return <Badge tone={tone[status]}>{status}</Badge>;
}
