"use client";

import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { useMemo } from "react";

function languageExtension(language: string): Extension[] {
  switch (language) {
    case "html":
    case "svg":
      return [html()];
    case "jsx":
      return [javascript({ jsx: true })];
    case "tsx":
      return [javascript({ jsx: true, typescript: true })];
    case "javascript":
      return [javascript()];
    case "markdown":
      return [markdown()];
    case "css":
      return [css()];
    case "python":
      return [python()];
    default:
      return [];
  }
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
      EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
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
      className="overflow-hidden rounded-md border border-zinc-300 text-[13px] focus-within:border-brand-500"
    />
  );
}
