"use client";

import { useActionState, useState } from "react";
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

type State = ActionState<{ token: string }>;
type Action = (state: State, formData: FormData) => Promise<State>;

const EXPIRIES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

/** Creates a token; on success the token is shown once, with a copy button. */
export function CreateTokenForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { status: "idle" } as State);
  const name = fieldError(state, "name");
  const scope = fieldError(state, "scope");
  const expires = fieldError(state, "expires");
  const token = state.status === "success" ? state.data?.token : undefined;
  return (
    <div className="space-y-4">
      {token && <NewToken token={token} />}
      <form
        key={token ?? "form"}
        action={formAction}
        className="grid max-w-xl gap-4 sm:grid-cols-3"
        noValidate
      >
        <div className="sm:col-span-3">
          <FormMessage state={state} showSuccess={!token} />
        </div>
        <Field id="token-name" label="Name" error={name} hint="What uses it: “ci”, “laptop”…">
          <input
            {...describedBy("token-name", name, true)}
            name="name"
            required
            maxLength={80}
            autoComplete="off"
            defaultValue={keptValue(state, "name")}
            className={inputClass}
          />
        </Field>
        <Field
          id="token-scope"
          label="Scope"
          error={scope}
          hint="Write can also publish and delete."
        >
          <select
            {...describedBy("token-scope", scope, true)}
            name="scope"
            defaultValue={keptValue(state, "scope", "read")}
            className={inputClass}
          >
            <option value="read">Read</option>
            <option value="write">Write</option>
          </select>
        </Field>
        <Field id="token-expires" label="Expires" error={expires}>
          <select
            {...describedBy("token-expires", expires)}
            name="expires"
            defaultValue={keptValue(state, "expires", "90")}
            className={inputClass}
          >
            {EXPIRIES.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-3">
          <SubmitButton pendingText="Creating…">Create token</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function NewToken({ token }: { token: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
    >
      <p className="font-medium">Copy your new token now: it will not be shown again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-token"
          className="min-w-0 rounded bg-white px-2 py-1 font-mono text-xs break-all text-zinc-900"
        >
          {token}
        </code>
        <button
          type="button"
          className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(token);
              setCopied("done");
            } catch {
              setCopied("failed");
            }
          }}
        >
          <span aria-live="polite">
            {copied === "done" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy"}
          </span>
        </button>
      </div>
    </div>
  );
}
