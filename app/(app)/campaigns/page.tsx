import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <ComingSoon
      title="Campaigns"
      summary="Send a template to a segment, honouring consent and suppressions."
      coming={["Pick a segment and a template, schedule or send now", "Follow delivery, opens, clicks and revenue as they come in"]}
    />
  );
}
