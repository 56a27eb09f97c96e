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
  keptValue,
} from "@/components/form/form";

type Values = {
  handle: string;
  displayName: string;
  bio: string;
  city: string;
  country: string;
  gender: string;
  age: string;
};

export function ProfileForm({
  action,
  profile,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  profile: Values;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState);
  const err = (name: keyof Values) => fieldError(state, name);
  const value = (name: keyof Values) => keptValue(state, name, profile[name]);
  // After a refusal the inputs re-mount with what the user typed (echoed by the server).
  const k = state.status === "error" ? JSON.stringify(state.values ?? {}) : "saved";
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} showSuccess />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="handle"
          label="Handle"
          error={err("handle")}
          hint="3–30 characters: a–z, 0–9, _ and -. Changing it changes your profile URL; the old one stops working."
        >
          <input
            {...describedBy("handle", err("handle"), true)}
            key={`handle${k}`}
            name="handle"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={value("handle")}
            className={inputClass}
          />
        </Field>
        <Field id="displayName" label="Display name" error={err("displayName")}>
          <input
            {...describedBy("displayName", err("displayName"))}
            key={`dn${k}`}
            name="displayName"
            autoComplete="name"
            defaultValue={value("displayName")}
            className={inputClass}
          />
        </Field>
      </div>
      <Field
        id="bio"
        label="Bio"
        error={err("bio")}
        hint="Up to 2,000 characters. Markdown links, lists and emphasis work; HTML is shown as text."
      >
        <textarea
          {...describedBy("bio", err("bio"), true)}
          key={`bio${k}`}
          name="bio"
          rows={5}
          defaultValue={value("bio")}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="city" label="City" error={err("city")}>
          <input
            {...describedBy("city", err("city"))}
            key={`city${k}`}
            name="city"
            autoComplete="address-level2"
            defaultValue={value("city")}
            className={inputClass}
          />
        </Field>
        <Field id="country" label="Country" error={err("country")}>
          <input
            {...describedBy("country", err("country"))}
            key={`country${k}`}
            name="country"
            autoComplete="country-name"
            defaultValue={value("country")}
            className={inputClass}
          />
        </Field>
        <Field
          id="age"
          label="Age"
          error={err("age")}
          hint="Optional. Shown on your profile only if you fill it in."
        >
          <input
            {...describedBy("age", err("age"), true)}
            key={`age${k}`}
            name="age"
            inputMode="numeric"
            defaultValue={value("age")}
            className={inputClass}
          />
        </Field>
        <Field
          id="gender"
          label="Gender"
          error={err("gender")}
          hint="Optional. Shown on your profile only if you fill it in."
        >
          <input
            {...describedBy("gender", err("gender"), true)}
            key={`gender${k}`}
            name="gender"
            defaultValue={value("gender")}
            className={inputClass}
          />
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
