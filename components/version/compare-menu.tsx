import type { VersionListItem } from "@/db/queries/version-history";
import { versionName } from "@/domain/versions";

/**
 * "Compare…" inside the Versions menu: pick two versions, see their diff. A plain GET form to the
 * diff page (works before JavaScript; the result is a shareable URL). Defaults: the version before
 * the one shown → the one shown.
 */
export function CompareMenu({
  artifactId,
  versions,
  shownIndex,
}: {
  artifactId: string;
  versions: VersionListItem[];
  shownIndex: number;
}) {
  if (versions.length < 2) return null;
  const indices = versions.map((v) => v.versionIndex);
  const to = indices.includes(shownIndex) ? shownIndex : indices[0]!;
  const from = indices.filter((i) => i < to)[0] ?? indices.find((i) => i !== to)!;
  const select =
    "mt-0.5 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm focus:border-brand-500";
  const options = versions.map((v) => (
    <option key={v.id} value={v.versionIndex}>
      {versionName(v)}
    </option>
  ));
  return (
    <details className="border-t border-zinc-100">
      <summary className="text-brand-700 cursor-pointer list-none px-3 py-2 text-sm hover:bg-zinc-50">
        Compare…
      </summary>
      <form
        method="get"
        action={`/a/${artifactId}/diff`}
        aria-label="Compare two versions"
        className="grid grid-cols-2 items-end gap-2 px-3 pb-3"
      >
        <label className="text-xs font-medium text-zinc-700">
          From
          <select name="from" defaultValue={from} className={select}>
            {options}
          </select>
        </label>
        <label className="text-xs font-medium text-zinc-700">
          To
          <select name="to" defaultValue={to} className={select}>
            {options}
          </select>
        </label>
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 col-span-2 rounded-md px-3 py-1.5 text-sm font-medium text-white"
        >
          Show the diff
        </button>
      </form>
    </details>
  );
}
