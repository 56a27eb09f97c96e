"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { restoreVersionAction } from "@/app/(account)/a/[id]/edit/actions";
import type { ActionState } from "@/lib/actions";

const idle: ActionState = { status: "idle" };

function Submit({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-60"
    >
      {pending ? "Restoring…" : `Restore ${name}`}
    </button>
  );
}

/** Owner-only: makes this old version's content the newest version (a new version, nothing lost). */
export function RestoreButton({
  artifactId,
  versionId,
  name,
}: {
  artifactId: string;
  versionId: string;
  name: string;
}) {
  const [state, action] = useActionState(restoreVersionAction, idle);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="artifact_id" value={artifactId} />
      <input type="hidden" name="version_id" value={versionId} />
      <Submit name={name} />
      <span aria-live="polite" className="text-xs text-red-700">
        {state.status === "error" ? state.message : null}
      </span>
    </form>
  );
}
