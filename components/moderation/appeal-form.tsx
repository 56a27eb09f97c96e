"use client";

import { useActionState } from "react";
import { appealAction } from "@/app/(public)/a/[id]/appeal-actions";
import {
  Field,
  FormMessage,
  SubmitButton,
  describedBy,
  fieldError,
  idleState,
  inputClass,
  keptValue,
} from "@/components/form/form";
import { APPEAL_TEXT_MAX } from "@/domain/validation/moderation-limits";

/** The owner's one appeal against a hide. */
export function AppealForm({ artifactId }: { artifactId: string }) {
  const [state, action] = useActionState(appealAction, idleState);
  const error = fieldError(state, "body");
  if (state.status === "success") return <FormMessage state={state} showSuccess />;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="artifactId" value={artifactId} />
      <Field
        id="appeal-body"
        label="Appeal this decision (once)"
        error={error}
        hint={`Tell the moderators why it should be restored. Up to ${APPEAL_TEXT_MAX.toLocaleString("en")} characters.`}
      >
        <textarea
          {...describedBy("appeal-body", error, true)}
          name="body"
          rows={3}
          defaultValue={keptValue(state, "body")}
          className={inputClass}
        />
      </Field>
      <FormMessage state={state} showSuccess summarizeFieldErrors />
      <SubmitButton pendingText="Sending…">Send appeal</SubmitButton>
    </form>
  );
}
