import Link from "next/link";
import { OutboxList } from "@/components/outbox/outbox-list";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Outbox" };

export default async function OutboxPage() {
  await requireWorkspaceViewer();
  return (
    <>
      <PageHeader title="Outbox" description="Test emails captured by Tailor's local SMTP server, with their HTML, text and headers.">
        <Link href="/emails" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to emails
        </Link>
      </PageHeader>
      <OutboxList />
    </>
  );
}
