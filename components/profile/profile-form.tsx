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

type OptIns = { showAge: boolean; showGender: boolean };

/** "Show on my public profile": off unless ticked (age and gender are never shown by default). */
function OptInBox({ name, checked, k }: { name: keyof OptIns; checked: boolean; k: string }) {
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-700">
      <input key={`${name}${k}`} type="checkbox" name={name} defaultChecked={checked} />
      Show my {name === "showAge" ? "age" : "gender"} on my public profile
    </label>
  );
}

export function ProfileForm({
  action,
  profile,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  profile: Values & OptIns;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState);
  const err = (name: keyof Values) => fieldError(state, name);
  const value = (name: keyof Values) => keptValue(state, name, profile[name]);
  // After a refusal the inputs re-mount with what the user typed (echoed by the server).
  const k = state.status === "error" ? JSON.stringify(state.values ?? {}) : "saved";
  const shown = (name: keyof OptIns) =>
    state.status === "error" && state.values ? state.values[name] === "on" : profile[name];
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
        <Field id="displayName" label="Display name" error={err("displayName")} maxChars={80}>
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
        maxChars={2000}
        hint="Markdown links, lists and emphasis work; HTML is shown as text."
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
        <Field id="city" label="City" error={err("city")} maxChars={100}>
          <input
            {...describedBy("city", err("city"))}
            key={`city${k}`}
            name="city"
            autoComplete="address-level2"
            defaultValue={value("city")}
            className={inputClass}
          />
        </Field>
        <Field id="country" label="Country" error={err("country")} maxChars={100}>
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
          hint="Optional. Others see it only if you tick the box."
        >
          <input
            {...describedBy("age", err("age"), true)}
            key={`age${k}`}
            name="age"
            inputMode="numeric"
            defaultValue={value("age")}
            className={inputClass}
          />
          <OptInBox name="showAge" checked={shown("showAge")} k={k} />
        </Field>
        <Field
          id="gender"
          label="Gender"
          error={err("gender")}
          hint="Optional. Others see it only if you tick the box."
        >
          <input
            {...describedBy("gender", err("gender"), true)}
            key={`gender${k}`}
            name="gender"
            defaultValue={value("gender")}
            className={inputClass}
          />
          <OptInBox name="showGender" checked={shown("showGender")} k={k} />
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
