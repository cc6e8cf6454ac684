"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Pencil, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { errorMessage, useTRPC } from "../../trpc/provider";
import { Button } from "../../ui/button";
import { Alert, Card, PageHeader } from "../../ui/card";
import { DeleteSegmentDialog } from "./delete-segment-dialog";
import { formatCount, formatDateTime } from "./format";
import { RefreshHistory } from "./refresh-history";
import { JobRunCard } from "../../jobs/job-run-card";

const actionLink = "inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

export function SegmentDetail({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const segment = useQuery(trpc.segments.get.queryOptions({ id: segmentId }));
  const refreshes = useQuery(trpc.segments.refreshes.queryOptions({ id: segmentId }));
  const versions = useQuery(trpc.segments.versions.queryOptions({ id: segmentId }));
  const [startedJobId, setStartedJobId] = useState<string | null>(null);
  const refresh = useMutation(trpc.segments.refresh.mutationOptions({ onSuccess: ({ jobRunId }) => setStartedJobId(jobRunId) }));
  const onRefreshFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
  }, [queryClient, trpc]);

  if (segment.error) {
    return (
      <>
        <PageHeader title="Segment" />
        <Alert>{errorMessage(segment.error)}</Alert>
      </>
    );
  }
  const data = segment.data;
  if (!data) return <p className="text-sm text-slate-700">Loading the segment…</p>;
  const followedJobId = startedJobId ?? data.refreshJobRunId;

  return (
    <>
      <PageHeader title={data.name} description={data.description || undefined}>
        <div className="flex flex-wrap items-center gap-2">
          <Link href="/segments" className="mr-2 text-sm font-medium text-brand-700 underline">
            All segments
          </Link>
          {data.canEdit ? (
            <Button onClick={() => refresh.mutate({ id: data.id })} disabled={refresh.isPending}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Refresh now
            </Button>
          ) : null}
          <a href={`/api/segments/${data.id}/export`} className={actionLink} download>
            <Download aria-hidden="true" className="size-4" />
            Export CSV
          </a>
          {data.canEdit ? (
            <>
              <Link href={`/segments/${data.id}/edit`} className={actionLink}>
                <Pencil aria-hidden="true" className="size-4" />
                Edit
              </Link>
              <DeleteSegmentDialog segmentId={data.id} segmentName={data.name} />
            </>
          ) : null}
        </div>
      </PageHeader>

      <div className="space-y-6">
        {refresh.error ? <Alert>{errorMessage(refresh.error)}</Alert> : null}
        {followedJobId ? (
          <JobRunCard
            key={followedJobId}
            jobRunId={followedJobId}
            label="Segment refresh"
            headings={{ running: "Refreshing the membership…", succeeded: "Refresh finished", failed: "The refresh failed" }}
            onFinished={onRefreshFinished}
            testId="refresh-progress"
          />
        ) : null}

        <Card title="Who is in it">
          <p className="text-slate-900" data-testid="segment-summary">{data.summary}</p>
          <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-600">Members</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="segment-member-count">
                {formatCount(data.memberCount)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Last refreshed</dt>
              <dd className="text-slate-900">{formatDateTime(data.lastRefreshedAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Refreshed automatically</dt>
              <dd className="text-slate-900">every {data.refreshIntervalMinutes === 60 ? "hour" : `${data.refreshIntervalMinutes} minutes`}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Used by</dt>
              <dd className="text-slate-900">
                {data.usedBy.length === 0
                  ? "No other segment"
                  : data.usedBy.map((dependent, i) => (
                      <span key={dependent.id}>
                        {i > 0 ? ", " : ""}
                        <Link href={`/segments/${dependent.id}`} className="text-brand-700 underline">
                          {dependent.name}
                        </Link>
                      </span>
                    ))}
              </dd>
            </div>
          </dl>
        </Card>

        <Card title="Size over time" description="Members at each refresh, with how many entered and left since the one before.">
          {refreshes.error ? <Alert>{errorMessage(refreshes.error)}</Alert> : null}
          {refreshes.data ? <RefreshHistory refreshes={refreshes.data} /> : <p className="text-sm text-slate-700">Loading the refreshes…</p>}
        </Card>

        <Card title="Definition history" description={`Version ${data.version} is the current one.`}>
          {versions.error ? <Alert>{errorMessage(versions.error)}</Alert> : null}
          <ol className="divide-y divide-slate-200" aria-label="Definition versions">
            {(versions.data ?? []).map((version) => (
              <li key={version.version} className="py-3 text-sm">
                <p className="font-medium text-slate-900">
                  Version {version.version}
                  <span className="font-normal text-slate-700">
                    {" "}
                    · {formatDateTime(version.createdAt)}
                    {version.authorName ? ` · by ${version.authorName}` : ""}
                  </span>
                </p>
                <p className="mt-1 text-slate-800">{version.summary}</p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
