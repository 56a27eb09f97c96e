"use client";

import { useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";
import { CharCounter, ErrorSummary, LeaveGuard } from "./form-behaviour";

export { CharCounter, LeaveGuard } from "./form-behaviour";

// The one form kit (publish, edit, artifact settings, profile and account settings, sign-in/up,
// the handle picker): every field is tied to its error (aria-describedby + aria-live), and what
// the person typed comes back from the server when it says no.

export const idleState: ActionState = { status: "idle" };

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500";

/** The first error the server tied to one field. */
export function fieldError(state: ActionState, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
}

export function fieldInvalid(state: ActionState, name: string) {
  return state.status === "error" && Boolean(state.fieldErrors?.[name]?.length);
}

/** What the user typed last time (echoed by the action on error), else the initial value. */
export function keptValue(state: ActionState, name: string, fallback = ""): string {
  return state.status === "error" && state.values?.[name] !== undefined
    ? state.values[name]!
    : fallback;
}

/** All the errors the server tied to one field; referenced by the field's aria-describedby. */
export function FieldError({ id, state, name }: { id: string; state: ActionState; name: string }) {
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700 empty:hidden">
      {errors?.join(" ")}
    </p>
  );
}

/** A labelled field with its hint (`<id>-hint`) and its error (`<id>-error`). */
export function Field({
  id,
  label,
  error,
  hint,
  maxChars,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: React.ReactNode;
  /** A visible "n / max" counter under the field (never a silent cut: the input has no maxLength). */
  maxChars?: number;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {maxChars !== undefined && <CharCounter inputId={id} max={maxChars} />}
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

/**
 * The form's summary line, as a live region. After a refusal with errors beside fields it says so
 * and lists them as links to their fields (the first one gets the view and focus); it also guards
 * unsaved input against leaving the page (see form-behaviour.tsx).
 */
export function FormMessage({
  state,
  showSuccess,
  summarizeFieldErrors = showSuccess,
  guardUnsaved = true,
}: {
  state: ActionState;
  /**
   * Whether a success is announced here ("Saved." unless the action says more). False where the
   * form leaves the page on success or shows its own success beside the button.
   */
  showSuccess: boolean;
  /**
   * When the error is already shown beside its field, say "Please correct the highlighted
   * field(s)." instead of repeating it. Defaults to showSuccess (the settings forms' behaviour).
   */
  summarizeFieldErrors?: boolean;
  /** Ask before leaving the page with unsaved input (off where nothing typed is worth keeping). */
  guardUnsaved?: boolean;
}) {
  const anchor = useRef<HTMLDivElement>(null);
  let text = "";
  if (state.status === "error") text = state.message;
  else if (state.status === "success" && showSuccess) text = state.message ?? "Saved.";
  if (summarizeFieldErrors && state.status === "error" && state.fieldErrors) {
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
    <div
      ref={anchor}
      role={state.status === "error" ? "alert" : "status"}
      aria-live="polite"
      className={`scroll-mt-24 text-sm ${text ? "" : "hidden"} ${state.status === "error" ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800" : "rounded-md bg-emerald-50 px-3 py-2 text-emerald-800"}`}
    >
      <p>{text}</p>
      <ErrorSummary state={state} anchor={anchor} />
      {guardUnsaved && <LeaveGuard state={state} anchor={anchor} />}
    </div>
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
