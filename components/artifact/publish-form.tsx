"use client";

import { useActionState, useState } from "react";
import { publishAction } from "@/app/(account)/new/actions";
import { CodeEditor } from "@/components/editor/code-editor";
import { LANGUAGES, LANGUAGE_KEYS } from "@/domain/languages";
import { LIMITS } from "@/domain/validation/artifact";
import {
  CharCounter,
  FieldError,
  FormMessage,
  SubmitButton,
  fieldInvalid,
  idleState,
  inputClass,
  keptValue,
} from "@/components/form/form";

/**
 * The publish form. It works before JavaScript loads (a textarea, a file input, plain checkboxes);
 * `idempotencyKey` is made when the page renders, so a double submit publishes once.
 */
export function PublishForm({ idempotencyKey }: { idempotencyKey: string }) {
  const [state, action] = useActionState(publishAction, idleState);
  const [language, setLanguage] = useState(keptValue(state, "language", "html"));
  const err = (name: string) => ({
    "aria-describedby": `${name}-error`,
    "aria-invalid": fieldInvalid(state, name) || undefined,
  });
  const checked = (name: string, initial: boolean) =>
    state.status === "error" && state.values ? state.values[name] === "on" : initial;
  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="idempotency_key" value={idempotencyKey} />
      <FormMessage state={state} showSuccess={false} />
      <div className="space-y-1.5">
        <label htmlFor="title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="title"
          name="title"
          required
          defaultValue={keptValue(state, "title")}
          className={inputClass}
          {...err("title")}
        />
        <CharCounter inputId="title" max={LIMITS.title} />
        <FieldError id="title-error" state={state} name="title" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="description" className="block text-sm font-medium">
          Description <span className="font-normal text-zinc-500">(Markdown, optional)</span>
        </label>
        <textarea
          id="description"
          name="description"
          rows={3}
          defaultValue={keptValue(state, "description")}
          className={inputClass}
          {...err("description")}
        />
        <CharCounter inputId="description" max={LIMITS.description} />
        <FieldError id="description-error" state={state} name="description" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="language" className="block text-sm font-medium">
          Language
        </label>
        <select
          id="language"
          name="language"
          defaultValue={language}
          onChange={(e) => setLanguage(e.target.value)}
          className={`${inputClass} sm:w-64`}
          {...err("language")}
        >
          {LANGUAGE_KEYS.map((key) => (
            <option key={key} value={key}>
              {LANGUAGES[key].name}
            </option>
          ))}
        </select>
        <FieldError id="language-error" state={state} name="language" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="code" className="block text-sm font-medium">
          Code
        </label>
        <CodeEditor
          id="code"
          defaultValue={keptValue(state, "code")}
          language={language}
          label="Code"
          describedBy="code-error"
          invalid={fieldInvalid(state, "code")}
        />
        <FieldError id="code-error" state={state} name="code" />
      </div>
      <fieldset className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <legend className="px-1 text-sm font-medium">Who can see it</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="visibility"
              value="private"
              defaultChecked={keptValue(state, "visibility", "private") === "private"}
            />{" "}
            Private (only you)
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="visibility"
              value="public"
              defaultChecked={keptValue(state, "visibility") === "public"}
            />{" "}
            Public
          </label>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="versioning_enabled"
            defaultChecked={checked("versioning_enabled", true)}
            className="mt-0.5"
          />
          <span>
            Show version history{" "}
            <span className="block text-zinc-500">Others can see older versions and diffs.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="chat_history_public"
            defaultChecked={checked("chat_history_public", false)}
            className="mt-0.5"
          />
          <span>
            Show chat{" "}
            <span className="block text-zinc-500">
              Others can read the conversation that produced it.
            </span>
          </span>
        </label>
      </fieldset>
      <fieldset className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <legend className="px-1 text-sm font-medium">Chat transcript (optional)</legend>
        <p className="text-sm text-zinc-600">
          Paste JSON —{" "}
          <code className="font-mono text-xs">
            {'{ "messages": [{ "role": "user", "content": "…" }] }'}
          </code>{" "}
          or a bare array of messages — or upload a .json file. Up to 500 messages and 2 MB.
        </p>
        <label htmlFor="chat" className="sr-only">
          Chat transcript JSON
        </label>
        <textarea
          id="chat"
          name="chat"
          rows={4}
          defaultValue={keptValue(state, "chat")}
          className={`${inputClass} font-mono text-xs`}
          placeholder='{ "messages": [] }'
          {...err("chat")}
        />
        <div className="text-sm">
          <label htmlFor="chat_file" className="mr-2 font-medium">
            Or upload
          </label>
          <input
            id="chat_file"
            name="chat_file"
            type="file"
            accept=".json,application/json"
            className="max-w-full text-sm file:mr-2 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-2.5 file:py-1 file:text-sm file:font-medium hover:file:bg-zinc-50"
          />
        </div>
        <FieldError id="chat-error" state={state} name="chat" />
        <FieldError id="chat_file-error" state={state} name="chat_file" />
      </fieldset>
      <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
    </form>
  );
}
