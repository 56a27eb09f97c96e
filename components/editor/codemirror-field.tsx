"use client";

import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { useMemo } from "react";
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
  const extensions = useMemo(
    () => [
      ...languageExtension(language),
      EditorView.lineWrapping,
      // The editor stays a light panel in dark mode too: the stock dark theme's token colours fall
      // below 4.5:1. "&" is the editor itself, more specific than the stock theme's rules.
      EditorView.theme({
        "&": { backgroundColor: "#ffffff", color: "#24292e" },
        "& .cm-gutters, & .cm-gutterElement": { color: "#52525b", backgroundColor: "#f4f4f5" },
      }),
      EditorView.contentAttributes.of({
        // Focusable already (contenteditable); said explicitly so checkers see keyboard access.
        tabindex: "0",
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
    ],
    [language, label, describedBy],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      height="28rem"
      basicSetup={{ foldGutter: false, highlightActiveLine: true }}
      theme="light"
      className="focus-within:border-brand-500 overflow-hidden rounded-md border border-zinc-300 text-[13px]"
    />
  );
}
