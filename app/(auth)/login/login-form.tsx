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
import { signInAction } from "../actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAction, { status: "idle" } as ActionState);
  const emailError = fieldError(state, "email");
  const passwordError = fieldError(state, "password");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} showSuccess guardUnsaved={false} />
      <Field id="email" label="Email" error={emailError}>
        <input
          {...describedBy("email", emailError)}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={320}
          defaultValue={keptValue(state, "email")}
          key={`email-${keptValue(state, "email")}`}
          className={inputClass}
        />
      </Field>
      <Field id="password" label="Password" error={passwordError}>
        <input
          {...describedBy("password", passwordError)}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <div className="pt-1">
        <SubmitButton>Sign in</SubmitButton>
      </div>
    </form>
  );
}
