"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  targetId: string;
  sourceId: string;
  sourceVersion: number;
  sourceLabel: string;
  idempotencyKey: string;
};

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60"
    >
      {pending ? "Syncing…" : label}
    </button>
  );
}

/** A <details> confirmation: works before JavaScript loads, and nothing happens on the first click. */
export function SyncForm({
  action,
  targetId,
  sourceId,
  sourceVersion,
  sourceLabel,
  idempotencyKey,
}: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <details className="group">
      <summary className="w-fit cursor-pointer rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
        Sync from upstream
      </summary>
      <form
        action={formAction}
        className="mt-2 space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm"
      >
        <input type="hidden" name="targetId" value={targetId} />
        <input type="hidden" name="sourceId" value={sourceId} />
        <input type="hidden" name="sourceVersion" value={sourceVersion} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <p className="text-zinc-700">
          This adds upstream&rsquo;s <strong>{sourceLabel}</strong> as a new version of your
          artifact. Your current version stays in the history.
        </p>
        <p role="status" aria-live="polite" className="text-red-700">
          {state.status === "error" ? state.message : null}
        </p>
        <Submit label={`Import ${sourceLabel} as a new version`} />
      </form>
    </details>
  );
}
