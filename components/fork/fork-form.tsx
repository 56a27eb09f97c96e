"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import {
  Field,
  FieldError,
  FormMessage,
  SubmitButton,
  describedBy,
  fieldError,
  idleState,
  inputClass,
} from "@/components/form/form";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  artifactId: string;
  versionIndex: number | null;
  defaultTitle: string;
  idempotencyKey: string;
  maxTitle: number;
};

export function ForkForm({
  action,
  artifactId,
  versionIndex,
  defaultTitle,
  idempotencyKey,
  maxTitle,
}: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const values = state.status === "error" ? state.values : undefined;
  const titleError = fieldError(state, "title");
  const visibility = values?.visibility ?? "private";
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="artifactId" value={artifactId} />
      <input type="hidden" name="v" value={versionIndex ?? ""} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field id="fork-title" label="Title" error={titleError} maxChars={maxTitle}>
        <input
          {...describedBy("fork-title", titleError, true)}
          name="title"
          required
          defaultValue={values?.title ?? defaultTitle}
          className={inputClass}
        />
      </Field>
      <fieldset className="space-y-2" aria-describedby="fork-visibility-error">
        <legend className="text-sm font-medium text-zinc-800">Who can see it</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="visibility"
            value="private"
            defaultChecked={visibility === "private"}
            className="mt-1"
          />
          <span>
            <span className="font-medium">Private</span>{" "}
            <span className="text-zinc-500">— only you</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="visibility"
            value="public"
            defaultChecked={visibility === "public"}
            className="mt-1"
          />
          <span>
            <span className="font-medium">Public</span>{" "}
            <span className="text-zinc-500">— everyone, and it appears in the fork tree</span>
          </span>
        </label>
        <FieldError id="fork-visibility-error" state={state} name="visibility" />
      </fieldset>
      {/* Success leaves for the new fork; an error already beside its field is not repeated. */}
      <FormMessage state={state} showSuccess={false} summarizeFieldErrors />
      <SubmitButton pendingText="Forking…">Fork</SubmitButton>
    </form>
  );
}
