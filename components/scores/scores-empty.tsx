import type { ReactNode } from "react";
import { Card } from "../ui/card";

/** Before the first successful run: what scores are and how to get them. */
export function ScoresEmpty({ action }: { action: ReactNode }) {
  return (
    <Card title="No scores yet">
      <div className="space-y-3 text-sm text-slate-800">
        <p>
          Scores turn each contact&apos;s purchases, visits and email engagement into figures you can segment on and
          personalize with:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>RFM: recency, frequency and monetary value from 1 to 5, and a named segment such as Champions or At risk;</li>
          <li>churn risk, expected purchases and predicted lifetime value;</li>
          <li>the chance of buying in the next 30 days;</li>
          <li>a cluster of similar customers, product recommendations and the best hour to send.</li>
        </ul>
        <p>The worker recomputes them every night. Each model is checked on held-out data and its figures show here.</p>
        {action}
      </div>
    </Card>
  );
}
