"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";

// Form building blocks shared by the auth and settings forms: every field is tied to its error
// (aria-describedby + aria-live), and values come back from the server when it says no.

export function fieldError(state: ActionState, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
}

export function keptValue(state: ActionState, name: string, fallback = ""): string {
  return state.status === "error" && state.values?.[name] !== undefined
    ? state.values[name]!
    : fallback;
}

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500";

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <p
        id={`${id}-error`}
        aria-live="polite"
        className="min-h-0 text-sm text-red-700 empty:hidden"
      >
        {error ?? ""}
      </p>
    </div>
  );
}

/** aria props for an input inside <Field>. */
export function describedBy(id: string, error: string | undefined, hint = false) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : "", `${id}-error`].filter(Boolean).join(" "),
  } as const;
}

export function FormMessage({ state }: { state: ActionState }) {
  let text =
    state.status === "idle" ? "" : (state.message ?? (state.status === "success" ? "Saved." : ""));
  // When the message is already shown beside its field, the summary points there instead of repeating it.
  if (state.status === "error" && state.fieldErrors) {
    const beside = Object.entries(state.fieldErrors)
      .filter(([name]) => name !== "form")
      .flatMap(([, errors]) => errors ?? []);
    if (beside.includes(state.message))
      text =
        beside.length > 1
          ? "Please correct the highlighted fields."
          : "Please correct the highlighted field.";
  }
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      aria-live="polite"
      className={`text-sm empty:hidden ${state.status === "error" ? "rounded-md bg-red-50 px-3 py-2 text-red-800" : "rounded-md bg-emerald-50 px-3 py-2 text-emerald-800"}`}
    >
      {text}
    </p>
  );
}

export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "danger";
}) {
  const { pending } = useFormStatus();
  const colors =
    variant === "danger"
      ? "bg-red-600 hover:bg-red-700 disabled:bg-red-400"
      : "bg-brand-600 hover:bg-brand-700 disabled:bg-brand-500";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm ${colors}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
