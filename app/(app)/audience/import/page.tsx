import { ImportWorkspace } from "@/components/import/import-workspace";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";

export const metadata = { title: "Import CSV" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ id?: string | string[] }> }) {
  const viewer = await requireWorkspaceViewer();
  const { id } = await searchParams;
  return (
    <>
      <PageHeader
        title="Import CSV"
        description="Add or update contacts, or load events such as purchases, from a CSV file. Rows that cannot be read are skipped and listed in an error file."
      />
      <ImportWorkspace importId={typeof id === "string" && UUID.test(id) ? id : null} canEdit={canEdit(viewer.active.role)} />
    </>
  );
}
