import Link from "next/link";
import type { AncestorEntry } from "@/db/queries/fork-tree";
import { ANCESTOR_ENDS } from "@/domain/fork-tree";

// The path from the origin down to this artifact's parent. Long chains (a fork 500 deep) show
// the ends and fold the middle into a <details>, which works without JavaScript.

function Entry({ entry }: { entry: AncestorEntry }) {
  if (!entry.visible) return <span className="text-zinc-500">a private artifact</span>;
  return (
    <span>
      <Link
        href={`/a/${entry.node.id}/forks`}
        className="font-medium text-zinc-800 hover:underline"
      >
        {entry.node.title}
      </Link>{" "}
      <span className="text-zinc-500">
        {entry.node.ownerHandle ? `@${entry.node.ownerHandle}` : ""}
      </span>
    </span>
  );
}

export function AncestorChain({ ancestors }: { ancestors: AncestorEntry[] }) {
  if (!ancestors.length) return null;
  const topDown = [...ancestors].reverse();
  // The same ends the query looks up owners for; the middle of a long chain folds away.
  const { top, bottom } = ANCESTOR_ENDS;
  const long = topDown.length > top + bottom;
  const head = long ? topDown.slice(0, top) : topDown;
  const middle = long ? topDown.slice(top, -bottom) : [];
  const tail = long ? topDown.slice(-bottom) : [];
  const item = (e: AncestorEntry) => (
    <li key={e.depth} className="break-words">
      <Entry entry={e} />
    </li>
  );
  return (
    <nav
      aria-labelledby="ancestors-heading"
      className="rounded-lg border border-zinc-200 bg-white p-4"
    >
      <h2 id="ancestors-heading" className="text-sm font-semibold text-zinc-700">
        Ancestors{" "}
        <span className="font-normal text-zinc-500">
          ({ancestors.length.toLocaleString("en")}, from the origin down)
        </span>
      </h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
        {head.map(item)}
        {middle.length > 0 && (
          <li className="list-none">
            <details>
              <summary className="-ml-6 cursor-pointer text-zinc-600 hover:text-zinc-900">
                … {middle.length.toLocaleString("en")} more in between
              </summary>
              <ol start={top + 1} className="mt-1 list-decimal space-y-1">
                {middle.map(item)}
              </ol>
            </details>
          </li>
        )}
        {tail.length > 0 && (
          <ol start={topDown.length - bottom + 1} className="list-decimal space-y-1">
            {tail.map(item)}
          </ol>
        )}
      </ol>
    </nav>
  );
}
