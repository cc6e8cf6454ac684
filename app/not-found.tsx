import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">The page you asked for does not exist.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to Tailor
      </Link>
    </main>
  );
}
