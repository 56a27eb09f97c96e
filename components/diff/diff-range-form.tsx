import type { DiffState } from "./diff-href";

export type RangeOption = { value: string; label: string };

/**
 * Choose the two versions to compare: a plain GET form, so it works before (and without) JavaScript
 * and its result is a shareable URL. (Going to one version is the VersionPicker menu.)
 */
export function DiffRangeForm({
  artifactId,
  state,
  options,
}: {
  artifactId: string;
  state: DiffState;
  options: RangeOption[];
}) {
  const select =
    "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 sm:w-80";
  return (
    <form
      method="get"
      action={`/a/${artifactId}/diff`}
      className="flex flex-wrap items-end gap-3"
      aria-label="Choose versions"
    >
      <label className="text-sm font-medium text-zinc-700">
        From
        <select name="from" defaultValue={state.from} className={select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-zinc-700">
        To
        <select name="to" defaultValue={state.to} className={select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {state.view === "split" && <input type="hidden" name="view" value="split" />}
      {state.ws && <input type="hidden" name="ws" value="1" />}
      <button
        type="submit"
        className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-1.5 text-sm font-medium text-white"
      >
        Compare
      </button>
    </form>
  );
}
