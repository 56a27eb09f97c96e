"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { saveVersionAction } from "@/app/(account)/a/[id]/edit/actions";
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
import type { PreviewPayload } from "@/lib/preview/messages";
import { SplitEditor } from "./split-editor";

/**
 * The new-version editor. `base_version_id` is the version it opened: if another save lands first,
 * the server refuses, the typed code stays in the editor, and a link shows what changed.
 */
export function EditForm({
  artifactId,
  base,
  language,
  previewOrigin,
  initialPayload,
}: {
  artifactId: string;
  base: { id: string; versionIndex: number; code: string };
  language: string;
  previewOrigin: string;
  /** The opened version's preview payload, so the preview runs before the first keystroke. */
  initialPayload: PreviewPayload | null;
}) {
  const [state, action] = useActionState(saveVersionAction, idleState);
  const [code, setCode] = useState(() => keptValue(state, "code", base.code));
  const conflict = fieldInvalid(state, "base_version_id");
  const currentIndex = keptValue(state, "current_index");
  const err = (name: string) => ({
    "aria-describedby": `${name}-error`,
    "aria-invalid": fieldInvalid(state, name) || undefined,
  });
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="artifact_id" value={artifactId} />
      <input type="hidden" name="base_version_id" value={base.id} />
      <FormMessage state={state} showSuccess={false} />
      {conflict && (
        <div
          id="base_version_id-error"
          className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <p>
            Your code is still here; nothing was saved. Another version was saved after you opened v
            {base.versionIndex}.
          </p>
          <p className="flex flex-wrap gap-x-4">
            {currentIndex && (
              <Link
                href={`/a/${artifactId}/diff?from=${base.versionIndex}&to=${currentIndex}`}
                className="font-medium underline"
                target="_blank"
              >
                See what changed (v{base.versionIndex} → v{currentIndex})
              </Link>
            )}
            <Link href={`/a/${artifactId}/edit`} className="underline">
              Start again from the current version
            </Link>
          </p>
        </div>
      )}
      <SplitEditor
        code={code}
        onCodeChange={setCode}
        language={language}
        previewOrigin={previewOrigin}
        initialPayload={initialPayload}
        invalid={fieldInvalid(state, "code")}
        error={<FieldError id="code-error" state={state} name="code" />}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <div className="space-y-1.5">
          <label htmlFor="summary" className="block text-sm font-medium">
            What changed <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <input
            id="summary"
            name="summary"
            defaultValue={keptValue(state, "summary")}
            className={inputClass}
            {...err("summary")}
          />
          <CharCounter inputId="summary" max={LIMITS.summary} />
          <FieldError id="summary-error" state={state} name="summary" />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="label" className="block text-sm font-medium">
            Label <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <input
            id="label"
            name="label"
            placeholder={`v${base.versionIndex + 1}`}
            defaultValue={keptValue(state, "label")}
            className={inputClass}
            {...err("label")}
          />
          <CharCounter inputId="label" max={LIMITS.label} />
          <FieldError id="label-error" state={state} name="label" />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pendingText="Saving…">Save new version</SubmitButton>
        <Link href={`/a/${artifactId}`} className="text-sm text-zinc-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
