"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { errorMessage, useTRPC } from "../trpc/provider";
import { Alert } from "../ui/card";
import { JobProgress } from "./job-progress";

const FINISHED = new Set(["succeeded", "failed"]);

/**
 * Follows one job run started from a page (a refresh, a scoring run): its progress bar, message
 * and error, polled until it ends; `onFinished` is called once per run.
 */
export function JobRunCard({
  jobRunId,
  label,
  headings,
  onFinished,
  testId,
}: {
  jobRunId: string;
  label: string;
  headings: { running: string; succeeded: string; failed: string };
  onFinished: (status: string) => void;
  testId?: string;
}) {
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
  const heading = data?.status === "failed" ? headings.failed : data?.status === "succeeded" ? headings.succeeded : headings.running;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm" aria-live="polite" data-testid={testId}>
      <p className="text-sm font-medium text-slate-900">{heading}</p>
      <JobProgress label={label} done={data?.progressDone ?? 0} total={data?.progressTotal ?? null} status={data?.status ?? "queued"} />
      {data?.message ? <p className="mt-1 text-xs text-slate-700">{data.message}</p> : null}
      {data?.error ? (
        <div className="mt-2">
          <Alert>{data.error}</Alert>
        </div>
      ) : null}
    </div>
  );
}
