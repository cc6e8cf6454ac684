import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Emails" };

export default function EmailsPage() {
  return (
    <ComingSoon
      title="Emails"
      summary="Design emails out of conditional blocks with personalization tokens."
      coming={[
        "Drag blocks onto a canvas; give any block a “show if” condition",
        "Insert tokens with fallbacks and find broken ones before sending",
        "Preview as any contact on desktop and mobile, and send a test",
      ]}
    />
  );
}
