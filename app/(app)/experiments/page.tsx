import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Experiments" };

export default function ExperimentsPage() {
  return (
    <ComingSoon
      title="Experiments"
      summary="A/B tests on subject, content, sender and send time."
      coming={[
        "Set variants, split and holdout, and the metric that decides the winner",
        "Test on a share, then send the winner to the rest",
        "Read results with confidence intervals and a clear recommendation",
      ]}
    />
  );
}
