import Link from "next/link";
import { AcceptAsUserForm, NewAccountForm } from "@/components/auth/accept-invitation";
import { Alert } from "@/components/ui/card";
import { getPageViewer } from "@/server/auth/page";
import { ROLE_LABELS } from "@/server/auth/roles";
import { getDb } from "@/server/db/client";
import { describeUnusableInvitation, lookupInvitation } from "@/server/workspaces/invitations";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookupInvitation(getDb(), decodeURIComponent(token));
  const viewer = await getPageViewer();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-4">
        <h1 className="text-center text-3xl font-bold tracking-tight text-brand-800">Tailor</h1>
        {invitation.status !== "valid" ? (
          <>
            <Alert>{describeUnusableInvitation(invitation.status)}</Alert>
            <p className="text-center text-sm">
              <Link href="/sign-in" className="text-brand-700 underline">
                Go to sign in
              </Link>
            </p>
          </>
        ) : (
          <>
            <p className="text-center text-sm text-slate-700">
              You are invited to <strong>{invitation.workspaceName}</strong> as {ROLE_LABELS[invitation.role]}.
            </p>
            {!invitation.accountExists ? (
              <NewAccountForm token={token} email={invitation.email} />
            ) : viewer?.email === invitation.email ? (
              <AcceptAsUserForm token={token} workspaceName={invitation.workspaceName} />
            ) : (
              <Alert tone="info">
                {invitation.email} already has a Tailor account.{" "}
                <Link href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} className="underline">
                  Sign in as {invitation.email}
                </Link>{" "}
                to accept.
              </Alert>
            )}
          </>
        )}
      </div>
    </main>
  );
}
