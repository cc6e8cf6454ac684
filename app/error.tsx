"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">The problem has been logged. Try again, or come back in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
