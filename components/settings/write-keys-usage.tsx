import { Card } from "../ui/card";

/** How to point a Segment library or plain HTTP at Tailor's ingest API. */
export function WriteKeysUsage({ appUrl }: { appUrl: string }) {
  const base = new URL("/api/v1", appUrl).toString();
  const nodeExample = `import { Analytics } from "@segment/analytics-node";

const analytics = new Analytics({
  writeKey: "<your write key>",
  host: "${new URL(appUrl).origin}",
  path: "/api/v1/batch",
});
analytics.track({ userId: "user-42", event: "Order Completed", properties: { revenue: 49.9 } });`;
  const curlExample = `curl ${base}/track \\
  -u '<your write key>:' \\
  -H 'Content-Type: application/json' \\
  -d '{"userId":"user-42","event":"Signed Up","messageId":"signup-user-42"}'`;
  return (
    <Card
      title="Sending events"
      description={
        <>
          Tailor speaks Segment&apos;s tracking API: <code>identify</code>, <code>track</code>, <code>page</code> and <code>batch</code> under{" "}
          <code>{base}</code>, with the write key as the HTTP Basic user name and an empty password.
        </>
      }
    >
      <div className="space-y-4 text-sm">
        <div>
          <h3 className="font-medium text-slate-800">With Segment&apos;s Node library</h3>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" tabIndex={0} aria-label="Node example">
            {nodeExample}
          </pre>
        </div>
        <div>
          <h3 className="font-medium text-slate-800">With curl</h3>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" tabIndex={0} aria-label="curl example">
            {curlExample}
          </pre>
        </div>
        <p className="text-slate-600">
          A batch may hold up to 500 KB (32 KB per event). Re-sending an event with the same <code>messageId</code> stores it once.
        </p>
      </div>
    </Card>
  );
}
