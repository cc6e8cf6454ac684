import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Audience" };

export default function AudiencePage() {
  return (
    <ComingSoon
      title="Audience"
      summary="Contacts, their events and products — everything Tailor personalizes from."
      coming={[
        "Import contacts and purchases from CSV with column mapping, progress and an error report",
        "Send events from your site or shop through a Segment-compatible API",
        "Search a million contacts and open a profile with its timeline, scores and consent",
      ]}
    />
  );
}
