"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, useTRPC } from "../trpc/provider";
import { Alert, Card, PageHeader } from "../ui/card";
import { LastRun } from "./last-run";
import { RunHistory } from "./run-history";
import { isRunActive } from "./run-labels";
import { JobRunCard } from "../jobs/job-run-card";
import { RunNowButton } from "./run-now";
import { ScoresEmpty } from "./scores-empty";

// Charts (recharts) load only here, after the page's own code.
const ModelSections = dynamic(() => import("./model-sections"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the charts…</p>,
});

export function ScoresView({ canRun }: { canRun: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [jobRunId, setJobRunId] = useState<string | null>(null);
  const latest = useQuery(trpc.scores.latest.queryOptions());
  const runs = useQuery({
    ...trpc.scores.runs.queryOptions(),
    // Follow runs started elsewhere (the nightly schedule, a colleague) until they end.
    refetchInterval: (query) => (query.state.data?.some(isRunActive) ? 2000 : false),
  });
  const start = useMutation(
    trpc.scores.run.mutationOptions({
      onSuccess: ({ jobRunId: id }) => {
        setJobRunId(id);
        void queryClient.invalidateQueries({ queryKey: trpc.scores.runs.queryKey() });
      },
    }),
  );
  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.scores.pathKey() });
  }, [queryClient, trpc]);

  const otherRunActive = Boolean(runs.data?.some(isRunActive));
  // A run followed only through the history (not started here) refreshes the scores when it ends.
  const followedRunActive = useRef(false);
  useEffect(() => {
    if (followedRunActive.current && !otherRunActive) void queryClient.invalidateQueries({ queryKey: trpc.scores.latest.queryKey() });
    followedRunActive.current = otherRunActive;
  }, [otherRunActive, queryClient, trpc]);

  const runActive = start.isPending || otherRunActive;
  const runNow = canRun ? <RunNowButton busy={runActive} onRun={() => start.mutate()} /> : null;
  const error = latest.error ?? runs.error;

  return (
    <>
      <PageHeader
        title="Scores"
        description="Value, churn risk, purchase propensity, clusters, recommendations and best send hour for every contact, recomputed by the worker each night."
      >
        {latest.data ? runNow : null}
      </PageHeader>
      <div className="space-y-6">
        {error ? <Alert>{errorMessage(error)}</Alert> : null}
        {start.error ? <Alert>{errorMessage(start.error)}</Alert> : null}
        {jobRunId ? (
          <JobRunCard
            jobRunId={jobRunId}
            label="Scoring run"
            headings={{ running: "Scoring run in progress", succeeded: "Scoring run finished", failed: "The scoring run failed" }}
            onFinished={onFinished}
          />
        ) : null}
        {!jobRunId && otherRunActive ? <Alert tone="info">A scoring run is in progress; this page updates when it ends.</Alert> : null}
        {latest.isPending ? (
          <Card>
            <p className="text-sm text-slate-600">Loading the scores…</p>
          </Card>
        ) : latest.data ? (
          <>
            <LastRun run={latest.data.run} now={new Date()} />
            <ModelSections latest={latest.data} />
          </>
        ) : (
          <ScoresEmpty
            action={runNow ?? <p className="text-slate-700">An admin or a marketer can start the first run.</p>}
          />
        )}
        {runs.data ? <RunHistory runs={runs.data} /> : null}
      </div>
    </>
  );
}
