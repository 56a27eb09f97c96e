"use client";

import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { useMemo, useSyncExternalStore } from "react";
import { languageInfo, type EditorGrammar } from "@/domain/languages";

// Each editor grammar key of the language registry (domain/languages.ts), as a CodeMirror extension.
const GRAMMARS: Record<EditorGrammar, () => Extension> = {
  html: () => html(),
  javascript: () => javascript(),
  jsx: () => javascript({ jsx: true }),
  tsx: () => javascript({ jsx: true, typescript: true }),
  markdown: () => markdown(),
  css: () => css(),
  python: () => python(),
};

function languageExtension(language: string): Extension[] {
  const grammar = languageInfo(language).editor;
  return grammar ? [GRAMMARS[grammar]()] : [];
}

/** CodeMirror 6, loaded only in the browser; the plain textarea it replaces stays the form field. */
export default function CodeMirrorField({
  value,
  onChange,
  language,
  label,
  describedBy,
}: {
  value: string;
  onChange: (value: string) => void;
  language: string;
  label: string;
  describedBy?: string;
}) {
  const dark = usePrefersDark();
  const extensions = useMemo(
    () => [
      ...languageExtension(language),
      EditorView.lineWrapping,
      // Line numbers at 4.5:1 or more in both schemes (the stock themes' gutters are fainter).
      // "&" is the editor itself: more specific than the stock theme's own gutter rules.
      EditorView.theme(
        { "& .cm-gutters, & .cm-gutterElement": { color: dark ? "#c4c4cc" : "#52525b" } },
        { dark },
      ),
      EditorView.contentAttributes.of({
        // Focusable already (contenteditable); said explicitly so checkers see keyboard access.
        tabindex: "0",
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
    ],
    [language, label, describedBy, dark],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      height="28rem"
      basicSetup={{ foldGutter: false, highlightActiveLine: true }}
      theme={dark ? "dark" : "light"}
      className="focus-within:border-brand-500 overflow-hidden rounded-md border border-zinc-300 text-[13px]"
    />
  );
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Follows the system colour scheme, like the rest of the site (app/globals.css). */
function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(DARK_QUERY);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
}
