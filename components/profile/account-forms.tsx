"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import {
  Field,
  FormMessage,
  SubmitButton,
  describedBy,
  fieldError,
  inputClass,
} from "@/components/form/form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState);
  const current = fieldError(state, "currentPassword");
  const next = fieldError(state, "newPassword");
  // Passwords are never echoed back; after success the fields are emptied by re-mounting the form.
  return (
    <form
      key={state.status === "success" ? state.message : "form"}
      action={formAction}
      className="max-w-md space-y-4"
      noValidate
    >
      <FormMessage state={state} showSuccess />
      <Field id="currentPassword" label="Current password" error={current}>
        <input
          {...describedBy("currentPassword", current)}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </Field>
      <Field id="newPassword" label="New password" error={next} hint="At least 10 characters.">
        <input
          {...describedBy("newPassword", next, true)}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          className={inputClass}
        />
      </Field>
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm({
  action,
  confirmWord,
}: {
  action: Action;
  confirmWord: string;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState);
  const error = fieldError(state, "confirm");
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-4" noValidate>
      <FormMessage state={state} showSuccess />
      <Field id="confirm" label={`Type ${confirmWord} to confirm`} error={error}>
        <input
          {...describedBy("confirm", error)}
          name="confirm"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          className={inputClass}
        />
      </Field>
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
