import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Consent" };

export default function ConsentPage() {
  return (
    <ComingSoon
      title="Consent"
      summary="Who may be emailed or profiled, and the record of how they said so."
      coming={[
        "Search consent records and their full history",
        "Export everything about a contact, or erase a contact on request",
        "One-click unsubscribe and suppressions that win over everything",
      ]}
    />
  );
}
