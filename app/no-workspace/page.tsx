import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata = { title: "No workspace" };

export default function NoWorkspacePage() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">You are not in any workspace</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an admin to invite you, then open the link they send you.</p>
      <div className="mt-6 flex justify-center">
        <SignOutButton />
      </div>
    </main>
  );
}
