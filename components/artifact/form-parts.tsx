"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";

export const idleState: ActionState = { status: "idle" };

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500 focus:border-brand-500";

/** The errors the server tied to one field; referenced by the field's aria-describedby. */
export function FieldError({ id, state, name }: { id: string; state: ActionState; name: string }) {
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700 empty:hidden">
      {errors?.join(" ")}
    </p>
  );
}

export function fieldInvalid(state: ActionState, name: string) {
  return state.status === "error" && Boolean(state.fieldErrors?.[name]?.length);
}

/** What the user typed last time (echoed by the action on error), else the initial value. */
export function typed(state: ActionState, name: string, fallback = ""): string {
  return state.status === "error" && state.values && name in state.values
    ? state.values[name]!
    : fallback;
}

export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div
      aria-live="assertive"
      role={state.status === "error" ? "alert" : undefined}
      className="empty:hidden"
    >
      {state.status === "error" && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  pendingText,
  danger,
}: {
  children: React.ReactNode;
  pendingText: string;
  danger?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${danger ? "bg-red-600 hover:bg-red-700" : "bg-brand-600 hover:bg-brand-700"}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
