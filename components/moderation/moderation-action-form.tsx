"use client";

import { useActionState, useId } from "react";
import { moderateAction } from "@/app/moderation/actions";
import {
  Field,
  FormMessage,
  describedBy,
  fieldError,
  idleState,
  inputClass,
  keptValue,
} from "@/components/form/form";
import {
  MODERATION_REASON_MAX,
  type ModerationActionCode,
} from "@/domain/validation/moderation-limits";

const LABELS: Record<ModerationActionCode, string> = {
  hide: "Hide artifact",
  restore: "Restore artifact",
  dismiss: "Dismiss",
  delete_comment: "Delete comment",
};

/** The actions a moderator may take on one queue item; each needs a reason, which is recorded. */
export function ModerationActionForm({
  artifactId,
  commentId,
  hidden,
}: {
  artifactId: string;
  commentId: string | null;
  hidden: boolean;
}) {
  const [state, action] = useActionState(moderateAction, idleState);
  const id = useId();
  // Done: the item stays in view with what was done (the queue drops it on the next load), so the
  // moderator sees the outcome instead of a list that shifts under the pointer.
  if (state.status === "success") return <FormMessage state={state} showSuccess />;
  const choices: ModerationActionCode[] = commentId
    ? ["delete_comment", "dismiss"]
    : [hidden ? "restore" : "hide", "dismiss"];
  const reasonError = fieldError(state, "reason");
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="artifactId" value={artifactId} />
      <input type="hidden" name="commentId" value={commentId ?? ""} />
      <Field
        id={`${id}-reason`}
        label="Reason (recorded, and shown to the owner when hiding)"
        error={reasonError}
      >
        <textarea
          {...describedBy(`${id}-reason`, reasonError)}
          name="reason"
          rows={2}
          maxLength={MODERATION_REASON_MAX + 100}
          defaultValue={keptValue(state, "reason")}
          className={inputClass}
        />
      </Field>
      <FormMessage state={state} showSuccess summarizeFieldErrors />
      <div className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <button
            key={choice}
            type="submit"
            name="action"
            value={choice}
            className={`rounded-md px-3 py-1.5 text-sm font-medium shadow-sm ${
              choice === "dismiss"
                ? "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50"
                : choice === "restore"
                  ? "bg-emerald-600 text-white hover:bg-emerald-700"
                  : "bg-red-600 text-white hover:bg-red-700"
            }`}
          >
            {LABELS[choice]}
          </button>
        ))}
      </div>
    </form>
  );
}
