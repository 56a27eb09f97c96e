"use client";

import { useActionState } from "react";
import {
  Field,
  FormMessage,
  SubmitButton,
  describedBy,
  fieldError,
  inputClass,
  keptValue,
} from "@/components/form/form";
import type { ActionState } from "@/lib/actions";
import { pickHandleAction } from "../actions";

export function PickHandleForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(pickHandleAction, { status: "idle" } as ActionState);
  const error = fieldError(state, "handle");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} showSuccess />
      <Field id="handle" label="Handle" error={error} hint="3–30 characters: a–z, 0–9, _ and -.">
        <input
          {...describedBy("handle", error, true)}
          key={JSON.stringify(state)}
          name="handle"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={keptValue(state, "handle")}
          className={inputClass}
        />
      </Field>
      <SubmitButton>Continue</SubmitButton>
    </form>
  );
}
