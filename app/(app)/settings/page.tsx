import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/settings/members", title: "Members", description: "Invite people and set their roles.", adminOnly: true },
  { href: "/settings/audit", title: "Audit log", description: "Sign-ins, invitations, role changes: who did what, when.", adminOnly: true },
  { href: "/settings/write-keys", title: "Write keys", description: "Keys for the ingest API: create one per site, revoke it when it leaks.", adminOnly: true },
  { href: "/settings/jobs", title: "Background jobs", description: "Work running in the worker, with its progress.", adminOnly: false },
];

export default async function SettingsPage() {
  const viewer = await requireWorkspaceViewer();
  const isAdmin = viewer.active.role === "admin";
  return (
    <>
      <PageHeader title="Settings" description={`Settings of ${viewer.active.workspaceName}.`} />
      <div className="grid gap-4 md:grid-cols-2">
        {SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((section) => (
          <Card key={section.href}>
            <Link href={section.href} className="text-base font-semibold text-brand-700 hover:underline">
              {section.title}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{section.description}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
