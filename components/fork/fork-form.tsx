"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  artifactId: string;
  versionIndex: number | null;
  defaultTitle: string;
  idempotencyKey: string;
  maxTitle: number;
};

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60"
    >
      {pending ? "Forking…" : "Fork"}
    </button>
  );
}

export function ForkForm({
  action,
  artifactId,
  versionIndex,
  defaultTitle,
  idempotencyKey,
  maxTitle,
}: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const visibility = values?.visibility ?? "private";
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="artifactId" value={artifactId} />
      <input type="hidden" name="v" value={versionIndex ?? ""} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="space-y-1">
        <label htmlFor="fork-title" className="block text-sm font-medium text-zinc-800">
          Title
        </label>
        <input
          id="fork-title"
          name="title"
          required
          maxLength={maxTitle}
          defaultValue={values?.title ?? defaultTitle}
          aria-invalid={errors?.title ? true : undefined}
          aria-describedby="fork-title-error fork-title-hint"
          className="w-full rounded-md border border-zinc-300 px-3 py-2 text-sm focus:border-zinc-500 focus:outline-none"
        />
        <p id="fork-title-hint" className="text-xs text-zinc-500">
          Up to {maxTitle} characters.
        </p>
        <p id="fork-title-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.title?.[0]}
        </p>
      </div>
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
        <p id="fork-visibility-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.visibility?.[0]}
        </p>
      </fieldset>
      <p aria-live="polite" role="status" className="text-sm text-red-700">
        {state.status === "error" && !errors?.title && !errors?.visibility ? state.message : null}
      </p>
      <Submit />
    </form>
  );
}
