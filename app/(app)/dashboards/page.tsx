import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Dashboards" };

export default function DashboardsPage() {
  return (
    <ComingSoon
      title="Dashboards"
      summary="KPI charts for managers and marketers."
      coming={["Sends, delivery, open, click, conversion, revenue and unsubscribe rates over time", "Compare campaigns, variants and segments"]}
    />
  );
}
