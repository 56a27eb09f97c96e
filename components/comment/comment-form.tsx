"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { postCommentAction } from "@/app/(public)/a/[id]/comment-actions";
import { LeaveGuard } from "@/components/form/form";
import type { ActionState } from "@/lib/actions";
import { queryKeys } from "@/lib/query-keys";

const MAX = 5000;

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60"
    >
      {pending ? "Posting…" : "Post comment"}
    </button>
  );
}

/** The textarea and its counter; remounted (emptied) after a successful post. */
function BodyField({ initial, error }: { initial: string; error: string | null }) {
  const [length, setLength] = useState(initial.length);
  return (
    <>
      <textarea
        id="comment-body"
        name="body"
        rows={3}
        defaultValue={initial}
        onChange={(e) => setLength(e.currentTarget.value.length)}
        aria-invalid={Boolean(error)}
        aria-describedby="comment-body-help comment-body-error"
        className="block w-full rounded-md border border-zinc-300 bg-white p-3 text-sm aria-[invalid=true]:border-rose-500"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p
          id="comment-body-help"
          className={`text-xs ${length > MAX ? "text-rose-700" : "text-zinc-500"}`}
        >
          {length.toLocaleString("en")} / {MAX.toLocaleString("en")}
        </p>
        <Submit />
      </div>
    </>
  );
}

export function CommentForm({ artifactId }: { artifactId: string }) {
  const [state, action] = useActionState(postCommentAction, { status: "idle" } as ActionState<{
    id: string;
  }>);
  const queryClient = useQueryClient();
  const router = useRouter();

  useEffect(() => {
    if (state.status !== "success") return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.commentsOf(artifactId) });
    router.refresh();
  }, [state, artifactId, queryClient, router]);

  const error = state.status === "error" ? (state.fieldErrors?.body?.[0] ?? state.message) : null;
  // What the user typed survives a refusal (the server echoes it back); a success starts empty.
  const initial = state.status === "error" ? (state.values?.body ?? "") : "";
  const fieldKey =
    state.status === "success"
      ? `ok-${state.data?.id}`
      : state.status === "error"
        ? `err-${error}-${initial.length}`
        : "idle";
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="artifactId" value={artifactId} />
      <LeaveGuard state={state} />
      <label htmlFor="comment-body" className="text-sm font-medium text-zinc-800">
        Add a comment{" "}
        <span className="font-normal text-zinc-500">(Markdown; up to 5,000 characters)</span>
      </label>
      <BodyField key={fieldKey} initial={initial} error={error} />
      <p id="comment-body-error" aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
      {state.status === "success" && (
        <p role="status" className="sr-only">
          {state.message}
        </p>
      )}
    </form>
  );
}
