"use client";

import { useActionState, useState } from "react";
import { importArchiveAction } from "@/app/(account)/import/actions";
import {
  describedBy,
  Field,
  fieldError,
  FormMessage,
  idleState,
  inputClass,
  keptValue,
  SubmitButton,
} from "@/components/form/form";
import { ARCHIVE_LIMITS, UPLOAD_TOO_BIG } from "@/domain/validation/archive";

// The /import form. A file over the limit is refused here before it is sent (the server action's
// body limit would otherwise answer with a generic failure); the server checks it again.
export function ImportForm() {
  const [state, action] = useActionState(importArchiveAction, idleState);
  const [tooBig, setTooBig] = useState(false);
  const fileError = tooBig ? UPLOAD_TOO_BIG : fieldError(state, "file");
  return (
    <form
      action={action}
      className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      onSubmit={(event) => {
        if (tooBig) event.preventDefault();
      }}
    >
      <Field
        id="import-file"
        label="Vitrine archive (.zip)"
        error={fileError}
        hint={`At most ${ARCHIVE_LIMITS.uploadBytes / (1024 * 1024)} MB and ${ARCHIVE_LIMITS.versions.toLocaleString("en-US")} versions.`}
      >
        <input
          {...describedBy("import-file", fileError, true)}
          name="file"
          type="file"
          accept=".zip,application/zip"
          required
          className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-200"
          onChange={(event) =>
            setTooBig((event.currentTarget.files?.[0]?.size ?? 0) > ARCHIVE_LIMITS.uploadBytes)
          }
        />
      </Field>
      <Field
        id="import-artifact"
        label="Artifact id (account exports only)"
        error={fieldError(state, "artifact")}
        hint="An account export holds many artifacts: paste the id of the one to import, as listed in its vitrine-account.json. Leave empty for an artifact zip."
      >
        <input
          {...describedBy("import-artifact", fieldError(state, "artifact"), true)}
          name="artifact"
          defaultValue={keptValue(state, "artifact")}
          className={inputClass}
          autoComplete="off"
        />
      </Field>
      <FormMessage
        state={
          tooBig
            ? { status: "error", message: UPLOAD_TOO_BIG, fieldErrors: { file: [UPLOAD_TOO_BIG] } }
            : state
        }
        showSuccess={false}
        summarizeFieldErrors
      />
      <SubmitButton pendingText="Importing…">Import</SubmitButton>
    </form>
  );
}
