"use client";

import { useActionState } from "react";
import {
  deleteArtifactAction,
  updateSettingsAction,
} from "@/app/(account)/a/[id]/settings/actions";
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

type Settings = {
  id: string;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  versioningEnabled: boolean;
  chatHistoryPublic: boolean;
  tags: string[];
  category: string;
};

export function SettingsForm({ artifact }: { artifact: Settings }) {
  const [state, action] = useActionState(updateSettingsAction, idleState);
  const err = (name: string) => ({
    "aria-describedby": `${name}-error`,
    "aria-invalid": fieldInvalid(state, name) || undefined,
  });
  const echo = state.status === "error" && state.values;
  const checked = (name: string, initial: boolean) =>
    echo ? state.values![name] === "on" : initial;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="artifact_id" value={artifact.id} />
      <FormMessage state={state} showSuccess={false} />
      <div className="space-y-1.5">
        <label htmlFor="title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="title"
          name="title"
          required
          defaultValue={keptValue(state, "title", artifact.title)}
          className={inputClass}
          {...err("title")}
        />
        <CharCounter inputId="title" max={LIMITS.title} />
        <FieldError id="title-error" state={state} name="title" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="description" className="block text-sm font-medium">
          Description <span className="font-normal text-zinc-500">(Markdown)</span>
        </label>
        <textarea
          id="description"
          name="description"
          rows={5}
          defaultValue={keptValue(state, "description", artifact.description ?? "")}
          className={inputClass}
          {...err("description")}
        />
        <CharCounter inputId="description" max={LIMITS.description} />
        <FieldError id="description-error" state={state} name="description" />
      </div>
      <TagsAndCategoryFields
        state={state}
        tags={artifact.tags.join(", ")}
        category={artifact.category}
      />
      <fieldset className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <legend className="px-1 text-sm font-medium">Who can see it</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="visibility"
              value="private"
              defaultChecked={keptValue(state, "visibility", artifact.visibility) === "private"}
            />{" "}
            Private (only you)
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="visibility"
              value="public"
              defaultChecked={keptValue(state, "visibility", artifact.visibility) === "public"}
            />{" "}
            Public
          </label>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="versioning_enabled"
            defaultChecked={checked("versioning_enabled", artifact.versioningEnabled)}
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
            defaultChecked={checked("chat_history_public", artifact.chatHistoryPublic)}
            className="mt-0.5"
          />
          <span>
            Show chat{" "}
            <span className="block text-zinc-500">
              Others can read the conversation that produced each version.
            </span>
          </span>
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
        <p aria-live="polite" className="text-sm text-emerald-700">
          {state.status === "success" ? state.message : null}
        </p>
      </div>
    </form>
  );
}

export function DeleteForm({ artifact }: { artifact: Pick<Settings, "id" | "title"> }) {
  const [state, action] = useActionState(deleteArtifactAction, idleState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="artifact_id" value={artifact.id} />
      <p className="text-sm text-zinc-700">
        This deletes the artifact and all its versions for good. Forks of it stay, marked “forked
        from a deleted artifact”.
      </p>
      <div className="space-y-1.5">
        <label htmlFor="confirm_title" className="block text-sm font-medium">
          Type <span className="font-mono break-all">{artifact.title}</span> to confirm
        </label>
        <input
          id="confirm_title"
          name="confirm_title"
          autoComplete="off"
          defaultValue={keptValue(state, "confirm_title")}
          className={inputClass}
          aria-describedby="confirm_title-error"
          aria-invalid={fieldInvalid(state, "confirm_title") || undefined}
        />
        <FieldError id="confirm_title-error" state={state} name="confirm_title" />
      </div>
      <SubmitButton pendingText="Deleting…" variant="danger">
        Delete this artifact
      </SubmitButton>
    </form>
  );
}
