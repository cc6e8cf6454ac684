import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Segments" };

export default function SegmentsPage() {
  return (
    <ComingSoon
      title="Segments"
      summary="Say precisely whom you mean, and see it immediately."
      coming={[
        "Build nested AND / OR groups over attributes, events, scores and consent",
        "See the live count and sample members while you edit",
        "Start from templates: frequent buyers, lapsed, browsers, abandoned carts",
      ]}
    />
  );
}
