"use client";

import type { PreviewPayload } from "@/lib/preview/messages";
import { CodeEditor } from "./code-editor";
import { LivePreview } from "./live-preview";

/**
 * Code on the left, its live preview on the right; on narrow screens the preview comes below the
 * code. The code is the parent's state (the <textarea name="code"> inside CodeEditor is still what
 * the form submits), so nothing typed is lost when the server refuses the form.
 */
export function SplitEditor({
  code,
  onCodeChange,
  language,
  previewOrigin,
  initialPayload,
  invalid,
  error,
  toolbar,
}: {
  code: string;
  onCodeChange: (code: string) => void;
  language: string;
  previewOrigin: string;
  initialPayload?: PreviewPayload | null;
  invalid?: boolean;
  /** The code field's error, rendered as `code-error` (the editor's aria-describedby). */
  error: React.ReactNode;
  /** Above the code: language picker, templates. */
  toolbar?: React.ReactNode;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 lg:items-start" data-testid="split-editor">
      <div className="min-w-0 space-y-1.5">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor="code" className="block text-sm font-medium">
            Code
          </label>
          <span id="code-keys" className="text-xs text-zinc-600">
            Tab indents · Esc then Tab leaves the editor
          </span>
        </div>
        {toolbar}
        <CodeEditor
          id="code"
          value={code}
          onChange={onCodeChange}
          language={language}
          label="Code"
          describedBy="code-error code-keys"
          invalid={invalid}
        />
        {error}
      </div>
      <LivePreview
        language={language}
        code={code}
        previewOrigin={previewOrigin}
        initialPayload={initialPayload}
      />
    </div>
  );
}
