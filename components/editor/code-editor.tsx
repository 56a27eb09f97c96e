"use client";

import dynamic from "next/dynamic";
import { useState, useSyncExternalStore } from "react";
import { UnavailablePackages } from "./unavailable-packages";

const CodeMirrorField = dynamic(() => import("./codemirror-field"), { ssr: false });

const subscribe = () => () => {};

/**
 * The code field. Before JavaScript loads it is a plain <textarea name="code"> and the form works
 * as is; once loaded, CodeMirror takes over the display and keeps the (now hidden) textarea in sync,
 * so the form still submits the textarea and a reset keeps the typed code. With `value` and
 * `onChange` the code is the parent's state (the split editor previews it as it changes).
 */
export function CodeEditor({
  id,
  name = "code",
  defaultValue = "",
  value: controlled,
  onChange,
  language,
  label,
  describedBy,
  invalid,
}: {
  id: string;
  name?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  language: string;
  label: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [own, setOwn] = useState(defaultValue);
  const value = controlled ?? own;
  const setValue = onChange ?? setOwn;
  const enhanced = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <div>
      <textarea
        id={id}
        name={name}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        hidden={enhanced}
        required
        spellCheck={false}
        rows={20}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className="focus:border-brand-500 block w-full rounded-md border border-zinc-300 bg-white p-3 font-mono text-[13px] leading-5 whitespace-pre"
      />
      {enhanced && (
        <div data-testid="code-editor">
          <CodeMirrorField
            value={value}
            onChange={setValue}
            language={language}
            label={label}
            describedBy={describedBy}
          />
        </div>
      )}
      <UnavailablePackages language={language} code={value} />
    </div>
  );
}
