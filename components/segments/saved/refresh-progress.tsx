"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { JobProgress } from "../../jobs/job-progress";
import { errorMessage, useTRPC } from "../../trpc/provider";
import { Alert } from "../../ui/card";

const FINISHED = new Set(["succeeded", "failed"]);

/** The progress of a refresh from its job run; tells the page once when it has ended. */
export function RefreshProgress({ jobRunId, onFinished }: { jobRunId: string; onFinished: (status: string) => void }) {
  const trpc = useTRPC();
  const job = useQuery({
    ...trpc.jobs.get.queryOptions({ id: jobRunId }),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 500),
  });
  const status = job.data?.status;
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (status && FINISHED.has(status) && reported.current !== jobRunId) {
      reported.current = jobRunId;
      onFinished(status);
    }
  }, [status, jobRunId, onFinished]);

  if (job.error) return <Alert>{errorMessage(job.error)}</Alert>;
  const data = job.data;
  const heading = data?.status === "failed" ? "The refresh failed" : data?.status === "succeeded" ? "Refresh finished" : "Refreshing the membership…";
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm" aria-live="polite" data-testid="refresh-progress">
      <p className="text-sm font-medium text-slate-900">{heading}</p>
      <JobProgress label="Segment refresh" done={data?.progressDone ?? 0} total={data?.progressTotal ?? null} status={data?.status ?? "queued"} />
      {data?.message ? <p className="mt-1 text-xs text-slate-700">{data.message}</p> : null}
      {data?.error ? (
        <div className="mt-2">
          <Alert>{data.error}</Alert>
        </div>
      ) : null}
    </div>
  );
}
