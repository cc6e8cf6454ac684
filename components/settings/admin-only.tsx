import { Alert } from "../ui/card";

export function AdminOnly({ what }: { what: string }) {
  return <Alert tone="info">Only admins of this workspace can see {what}. Ask an admin if you need access.</Alert>;
}
