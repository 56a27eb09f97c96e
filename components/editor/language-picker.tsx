"use client";

import { useRef } from "react";
import { inputClass } from "@/components/form/form";
import { LANGUAGES, LANGUAGE_KEYS } from "@/domain/languages";
import { TEMPLATES, type Template } from "@/domain/templates";
import { useKeepOnReset } from "./keep-on-reset";

/**
 * The language select, saying whether the language was read from the code or chosen by hand (a
 * choice by hand sticks until "Detect from the code").
 */
export function LanguagePicker({
  language,
  manual,
  detected,
  onChoose,
  onRedetect,
  invalid,
}: {
  language: string;
  manual: boolean;
  detected: string | null;
  onChoose: (language: string) => void;
  onRedetect: () => void;
  invalid?: boolean;
}) {
  const select = useRef<HTMLSelectElement>(null);
  useKeepOnReset(select, language);
  return (
    <div className="space-y-1.5">
      <label htmlFor="language" className="block text-sm font-medium">
        Language
      </label>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <select
          ref={select}
          id="language"
          name="language"
          value={language}
          onChange={(e) => onChoose(e.target.value)}
          className={`${inputClass} sm:w-64`}
          aria-describedby="language-hint language-error"
          aria-invalid={invalid || undefined}
        >
          {LANGUAGE_KEYS.map((key) => (
            <option key={key} value={key}>
              {LANGUAGES[key].name}
            </option>
          ))}
        </select>
        <span id="language-hint" className="text-xs text-zinc-600" data-testid="language-hint">
          {manual ? (
            <>
              Chosen by you.{" "}
              {detected && detected !== language && (
                <button
                  type="button"
                  onClick={onRedetect}
                  className="text-brand-700 font-medium underline"
                >
                  Use {LANGUAGES[detected as keyof typeof LANGUAGES]?.name ?? detected}, read from
                  the code
                </button>
              )}
            </>
          ) : detected ? (
            "Read from your code; change it if it is wrong."
          ) : (
            "Read from your code as you type or paste."
          )}
        </span>
      </div>
    </div>
  );
}

/** One click to a working artifact, offered while the editor is empty. */
export function TemplatePicker({ onPick }: { onPick: (template: Template) => void }) {
  return (
    <div
      role="group"
      aria-labelledby="templates-label"
      className="rounded-lg border border-zinc-200 bg-zinc-50 p-3"
      data-testid="templates"
    >
      <p id="templates-label" className="mb-2 text-sm font-medium text-zinc-800">
        Start from a template, or paste your code below
      </p>
      <div className="flex flex-wrap gap-2">
        {TEMPLATES.map((t) => (
          <button
            key={t.id}
            type="button"
            onClick={() => onPick(t)}
            className="focus-visible:outline-brand-600 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            {t.label}
          </button>
        ))}
      </div>
    </div>
  );
}
