"use client";

import { useActionState, useId, useRef } from "react";
import { reportAction } from "@/app/(public)/a/[id]/report-actions";
import {
  Field,
  FieldError,
  FormMessage,
  SubmitButton,
  describedBy,
  fieldError,
  idleState,
  inputClass,
  keptValue,
} from "@/components/form/form";
import {
  REPORT_REASONS,
  REPORT_REASON_LABELS,
  REPORT_TEXT_MAX,
} from "@/domain/validation/moderation-limits";

/**
 * "Report" and its dialog, for an artifact or one of its comments: a reason from the list and a
 * short text. The action answers one sentence (thanks, already reported, not found, sign in first).
 */
export function ReportButton({
  artifactId,
  commentId,
  subject = commentId ? "comment" : "artifact",
  alignEnd = false,
}: {
  artifactId: string;
  commentId?: string;
  subject?: string;
  /** Pushes the button to the end of a flex row (a comment's header without a Delete button). */
  alignEnd?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(reportAction, idleState);
  const id = useId();
  const done = state.status === "success";
  const reason = keptValue(state, "reason", "");
  const bodyError = fieldError(state, "body");
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className={`text-xs text-zinc-500 hover:text-rose-700 hover:underline ${alignEnd ? "ml-auto" : ""}`}
        aria-haspopup="dialog"
      >
        Report
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-left shadow-xl backdrop:bg-zinc-900/40"
      >
        <form action={action} className="space-y-4 p-5" noValidate>
          <h2 id={`${id}-title`} className="text-base font-semibold">
            Report this {subject}
          </h2>
          <input type="hidden" name="artifactId" value={artifactId} />
          <input type="hidden" name="commentId" value={commentId ?? ""} />
          {!done && (
            <>
              <fieldset className="space-y-1.5" aria-describedby={`${id}-reason-error`}>
                <legend className="mb-1 text-sm font-medium text-zinc-800">What is wrong?</legend>
                {REPORT_REASONS.map((code) => (
                  <label key={code} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="reason"
                      value={code}
                      defaultChecked={reason === code}
                    />
                    {REPORT_REASON_LABELS[code]}
                  </label>
                ))}
                <FieldError id={`${id}-reason-error`} state={state} name="reason" />
              </fieldset>
              <Field
                id={`${id}-body`}
                label="Details (optional, required for “Other”)"
                error={bodyError}
                hint={`Up to ${REPORT_TEXT_MAX.toLocaleString("en")} characters. Only moderators read this.`}
              >
                <textarea
                  {...describedBy(`${id}-body`, bodyError, true)}
                  name="body"
                  rows={4}
                  defaultValue={keptValue(state, "body")}
                  className={inputClass}
                />
              </Field>
            </>
          )}
          <FormMessage state={state} showSuccess summarizeFieldErrors />
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md px-4 py-2 text-sm text-zinc-700 hover:bg-zinc-100"
            >
              {done ? "Close" : "Cancel"}
            </button>
            {!done && <SubmitButton pendingText="Sending…">Send report</SubmitButton>}
          </div>
        </form>
      </dialog>
    </>
  );
}
