import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getPageViewer } from "@/server/auth/page";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

function safeNext(value: string | string[] | undefined): string {
  const next = typeof value === "string" ? value : "/";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await getPageViewer()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-3xl font-bold tracking-tight text-brand-800">Tailor</h1>
        <p className="mb-8 text-center text-sm text-slate-600">Sign in to your workspace</p>
        <SignInForm next={next} expired={params.reason === "expired"} />
      </div>
    </main>
  );
}
