"use client";

import { useActionState, useState } from "react";
import { publishAction } from "@/app/(account)/new/actions";
import { ChatImportField } from "@/components/editor/chat-import-field";
import { LanguagePicker, TemplatePicker } from "@/components/editor/language-picker";
import { SplitEditor } from "@/components/editor/split-editor";
import { detectLanguage } from "@/domain/detect-language";
import type { Template } from "@/domain/templates";
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
import { TagsAndCategoryFields } from "@/components/tags/tags-field";
import { SuggestButton } from "@/components/tags/suggest-button";

/**
 * The publish form. It works before JavaScript loads (a textarea, a file input, plain checkboxes);
 * `idempotencyKey` is made when the page renders, so a double submit publishes once. With
 * JavaScript the code runs in a live preview beside the editor and its language is read from it.
 */
export function PublishForm({
  idempotencyKey,
  previewOrigin,
  template,
}: {
  idempotencyKey: string;
  previewOrigin: string;
  /** A starter picked before arriving (/new?template=…, from the onboarding step). */
  template?: Template;
}) {
  const [state, action] = useActionState(publishAction, idleState);
  const [code, setCode] = useState(() => keptValue(state, "code", template?.code ?? ""));
  const [language, setLanguage] = useState(() =>
    keptValue(state, "language", template?.language ?? "html"),
  );
  const detected = detectLanguage(code);
  // A language that differs from what the kept code reads as was chosen by hand: it stays chosen.
  const [manual, setManual] = useState(() => detected !== null && detected !== language);
  const changeCode = (next: string) => {
    setCode(next);
    const guess = manual ? null : detectLanguage(next);
    if (guess) setLanguage(guess);
  };
  const pickTemplate = (t: Template) => {
    setCode(t.code);
    setLanguage(t.language);
    setManual(false);
  };
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
      <SuggestButton />
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
      <LanguagePicker
        language={language}
        manual={manual}
        detected={detected}
        invalid={fieldInvalid(state, "language")}
        onChoose={(next) => {
          setLanguage(next);
          setManual(true);
        }}
        onRedetect={() => {
          setManual(false);
          if (detected) setLanguage(detected);
        }}
      />
      <FieldError id="language-error" state={state} name="language" />
      <SplitEditor
        code={code}
        onCodeChange={changeCode}
        language={language}
        previewOrigin={previewOrigin}
        invalid={fieldInvalid(state, "code")}
        error={<FieldError id="code-error" state={state} name="code" />}
        toolbar={code.trim() === "" ? <TemplatePicker onPick={pickTemplate} /> : null}
      />
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
      <ChatImportField
        defaultText={keptValue(state, "chat")}
        defaultPick={keptValue(state, "chat_conversation")}
        error={
          <>
            <FieldError id="chat-error" state={state} name="chat" />
            <FieldError id="chat_file-error" state={state} name="chat_file" />
          </>
        }
      />
      <TagsAndCategoryFields state={state} />
      <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
    </form>
  );
}
