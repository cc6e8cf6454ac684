"use client";

import { useQuery } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useEffect } from "react";
import { JobProgress } from "../jobs/job-progress";
import { errorMessage, useTRPC } from "../trpc/provider";
import { Button } from "../ui/button";
import { Alert } from "../ui/card";

export function RunNowButton({ onRun, busy }: { onRun: () => void; busy: boolean }) {
  return (
    <Button onClick={onRun} disabled={busy}>
      <Play aria-hidden="true" className="size-4" />
      {busy ? "Scoring…" : "Run now"}
    </Button>
  );
}

const FINISHED = new Set(["succeeded", "failed"]);

/** The progress of a run started from this page, from its job; tells the page when it ends. */
export function RunProgress({ jobRunId, onFinished }: { jobRunId: string; onFinished: (status: string) => void }) {
  const trpc = useTRPC();
  const job = useQuery({
    ...trpc.jobs.get.queryOptions({ id: jobRunId }),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 500),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status && FINISHED.has(status)) onFinished(status);
  }, [status, onFinished]);

  if (job.error) return <Alert>{errorMessage(job.error)}</Alert>;
  const data = job.data;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm" aria-live="polite">
      <p className="text-sm font-medium text-slate-900">
        {data?.status === "failed" ? "The scoring run failed" : data?.status === "succeeded" ? "Scoring run finished" : "Scoring run in progress"}
      </p>
      <JobProgress label="Scoring run" done={data?.progressDone ?? 0} total={data?.progressTotal ?? null} status={data?.status ?? "queued"} />
      {data?.message ? <p className="mt-1 text-xs text-slate-700">{data.message}</p> : null}
      {data?.error ? (
        <div className="mt-2">
          <Alert>{data.error}</Alert>
        </div>
      ) : null}
    </div>
  );
}
