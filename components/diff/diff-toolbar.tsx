import Link from "next/link";
import { countOf } from "@/domain/plural";
import { diffHref, type DiffState } from "./diff-href";

/** View and whitespace toggles as links (the URL is the state), with the file's stats. */
export function DiffToolbar({
  artifactId,
  state,
  added,
  removed,
  linesBefore,
  linesAfter,
  language,
}: {
  artifactId: string;
  state: DiffState;
  added: number;
  removed: number;
  linesBefore: number;
  linesAfter: number;
  language: string;
}) {
  const tab = (active: boolean) =>
    `px-3 py-1 text-sm ${active ? "bg-white font-medium text-zinc-900 shadow-sm" : "text-zinc-600 hover:text-zinc-900"} rounded`;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 bg-zinc-50 px-3 py-2">
      <p className="flex items-center gap-3 text-sm">
        <span className="font-medium text-zinc-800">{language}</span>
        <span
          className="font-mono text-green-700"
          title={`${countOf(added, "line", "lines")} added`}
        >
          +{added}
        </span>
        <span
          className="font-mono text-red-700"
          title={`${countOf(removed, "line", "lines")} removed`}
        >
          −{removed}
        </span>
        <span className="text-zinc-500">
          {linesBefore.toLocaleString("en")} → {linesAfter.toLocaleString("en")} lines
        </span>
      </p>
      <nav aria-label="Diff view" className="ml-auto flex items-center gap-3">
        {/* Phones get the unified view: side by side has no room at 390 px. */}
        <div className="flex rounded-md bg-zinc-200/70 p-0.5 max-sm:hidden">
          <Link
            href={diffHref(artifactId, { ...state, view: "unified" })}
            className={tab(state.view === "unified")}
            aria-current={state.view === "unified" ? "page" : undefined}
          >
            Unified
          </Link>
          <Link
            href={diffHref(artifactId, { ...state, view: "split" })}
            className={tab(state.view === "split")}
            aria-current={state.view === "split" ? "page" : undefined}
          >
            Split
          </Link>
        </div>
        <Link
          href={diffHref(artifactId, { ...state, ws: !state.ws })}
          className="flex items-center gap-2 text-sm text-zinc-700 hover:text-zinc-900"
        >
          <span
            aria-hidden
            className={`grid size-4 place-items-center rounded border text-[10px] ${state.ws ? "border-brand-600 bg-brand-600 text-white" : "border-zinc-400 bg-white"}`}
          >
            {state.ws ? "✓" : ""}
          </span>
          Ignore whitespace
          <span className="sr-only">{state.ws ? "(on)" : "(off)"}</span>
        </Link>
      </nav>
    </div>
  );
}
