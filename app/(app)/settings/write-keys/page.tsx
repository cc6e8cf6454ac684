import { AdminOnly } from "@/components/settings/admin-only";
import { WriteKeysPanel } from "@/components/settings/write-keys-panel";
import { WriteKeysUsage } from "@/components/settings/write-keys-usage";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { getEnv } from "@/server/env";

export const metadata = { title: "Write keys" };

export default async function WriteKeysPage() {
  const viewer = await requireWorkspaceViewer();
  return (
    <>
      <PageHeader
        title="Write keys"
        description={`Keys that let your websites and shops send events to ${viewer.active.workspaceName} through the ingest API.`}
      />
      {viewer.active.role === "admin" ? (
        <div className="space-y-6">
          <WriteKeysPanel />
          <WriteKeysUsage appUrl={getEnv().APP_URL} />
        </div>
      ) : (
        <AdminOnly what="write keys" />
      )}
    </>
  );
}
