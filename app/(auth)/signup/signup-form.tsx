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
import { signUpAction } from "../actions";

export function SignupForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signUpAction, { status: "idle" } as ActionState);
  const errors = {
    email: fieldError(state, "email"),
    handle: fieldError(state, "handle"),
    password: fieldError(state, "password"),
  };
  // Re-mount inputs with the server's copy of what was typed, so values survive a refusal.
  const k = state.status === "error" ? JSON.stringify(state.values ?? {}) : "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} showSuccess />
      <Field id="email" label="Email" error={errors.email}>
        <input
          {...describedBy("email", errors.email)}
          key={`e${k}`}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={320}
          defaultValue={keptValue(state, "email")}
          className={inputClass}
        />
      </Field>
      <Field
        id="handle"
        label="Handle"
        error={errors.handle}
        hint="3–30 characters: a–z, 0–9, _ and -. Your profile lives at /@handle."
      >
        <input
          {...describedBy("handle", errors.handle, true)}
          key={`h${k}`}
          name="handle"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={keptValue(state, "handle")}
          className={inputClass}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password} hint="At least 10 characters.">
        <input
          {...describedBy("password", errors.password, true)}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <div className="pt-1">
        <SubmitButton>Create account</SubmitButton>
      </div>
    </form>
  );
}
