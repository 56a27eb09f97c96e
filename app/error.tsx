"use client";

import { useEffect } from "react";

// Shown for unexpected failures (a database outage, say). No stack trace: a sentence and a retry.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong on our side</h1>
      <p className="mt-3 text-zinc-600">
        Vitrine could not load this page just now. Nothing you saved was lost — please try again in
        a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="bg-brand-600 hover:bg-brand-700 mt-6 rounded-md px-4 py-2 text-sm font-medium text-white"
      >
        Try again
      </button>
    </section>
  );
}
