import { notFound } from "next/navigation";
import { ContactView } from "@/components/audience/contact-view";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";

export const metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const viewer = await requireWorkspaceViewer();
  const { contactId } = await params;
  if (!/^\d{1,18}$/.test(contactId)) notFound();
  return <ContactView contactId={contactId} canEdit={canEdit(viewer.active.role)} />;
}
