import { notFound } from "next/navigation";
import { OutboxMessage } from "@/components/outbox/outbox-message";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Outbox message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  await requireWorkspaceViewer();
  const { messageId } = await params;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(messageId)) notFound();
  return <OutboxMessage messageId={messageId} />;
}
