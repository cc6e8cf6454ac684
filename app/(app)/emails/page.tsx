import { EmailList } from "@/components/emails/list/email-list";
import { NewEmailForm } from "@/components/emails/list/new-email-form";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";

export const metadata = { title: "Emails" };

export default async function EmailsPage() {
  const viewer = await requireWorkspaceViewer();
  return (
    <>
      <PageHeader title="Emails" description="Design emails out of conditional blocks with personalization tokens, preview them as any contact and send a test." />
      <div className="space-y-6">
        {canEdit(viewer.active.role) ? <NewEmailForm /> : null}
        <EmailList />
      </div>
    </>
  );
}
