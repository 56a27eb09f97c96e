"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormMessage, idleState, SubmitButton } from "@/components/form/form";
import { countOf } from "@/domain/plural";
import type { ActionState } from "@/lib/actions";

export type ExportRow = {
  id: string;
  state: "queued" | "running" | "ready" | "failed";
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
  byteSize: number | null;
  artifactCount: number | null;
};

type Plan = { artifacts: number; versions: number; bytes: number; direct: boolean };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
const when = (iso: string) => iso.replace("T", " ").slice(0, 16) + " UTC";

function stateText(row: ExportRow): string {
  if (row.expired) return "Expired";
  if (row.state === "queued") return "Waiting for the worker…";
  if (row.state === "running") return "Being built…";
  if (row.state === "failed") return "Failed — please ask for a new one";
  return `Ready: ${countOf(row.artifactCount ?? 0, "artifact", "artifacts")}, ${size(row.byteSize ?? 0)}`;
}

// The account export: a direct download for a small account, a background job for a big one with
// its progress (the page refreshes itself while a job is waiting or running).
export function AccountExportPanel({
  plan,
  exports,
  action,
}: {
  plan: Plan;
  exports: ExportRow[];
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, idleState);
  const pending = exports.some((e) => e.state === "queued" || e.state === "running");
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [pending, router]);

  return (
    <section
      aria-labelledby="export-heading"
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="export-heading" className="text-base font-semibold">
        Export your account
      </h2>
      <p className="text-sm text-zinc-600">
        One zip with your profile and all your artifacts, public and private: every version’s code,
        date, summary, label and chat. Each artifact’s folder can be imported again on{" "}
        <Link href="/import" className="underline">
          Import
        </Link>
        .
      </p>
      <p className="text-sm text-zinc-700">
        You have {countOf(plan.artifacts, "artifact", "artifacts")} with{" "}
        {countOf(plan.versions, "version", "versions")} ({size(plan.bytes)} of code and chat).
      </p>
      {plan.direct ? (
        <a
          href="/settings/export/account.zip"
          download
          className="bg-brand-600 hover:bg-brand-700 inline-flex rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm"
        >
          Download my account (.zip)
        </a>
      ) : (
        <form action={formAction} className="space-y-3">
          <p className="text-sm text-zinc-600">
            Your account is big, so the zip is built in the background. It stays available for 24
            hours, to you only.
          </p>
          <FormMessage state={state} showSuccess />
          <SubmitButton pendingText="Asking…">Prepare my export</SubmitButton>
        </form>
      )}
      {exports.length > 0 && (
        <ul aria-label="Your exports" className="divide-y divide-zinc-200 text-sm">
          {exports.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {when(row.createdAt)} · <span data-testid="export-state">{stateText(row)}</span>
                {row.state === "ready" && !row.expired && row.expiresAt && (
                  <span className="text-zinc-500"> · until {when(row.expiresAt)}</span>
                )}
              </span>
              {row.state === "ready" && !row.expired && (
                <a
                  href={`/settings/export/${row.id}/download`}
                  download
                  className="rounded-md border border-zinc-300 px-2.5 py-1 font-medium hover:bg-zinc-50"
                >
                  Download
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
