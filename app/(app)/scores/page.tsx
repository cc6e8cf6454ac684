import { ScoresView } from "@/components/scores/scores-view";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";

export const metadata = { title: "Scores" };

export default async function ScoresPage() {
  const viewer = await requireWorkspaceViewer();
  return <ScoresView canRun={canEdit(viewer.active.role)} />;
}
