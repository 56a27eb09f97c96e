import Link from "next/link";
import type { DiffSideRow } from "@/db/queries/diff";
import { diffHref, type DiffState } from "./diff-href";
import { DiffSplit } from "./diff-split-wrapper";
import { DiffToolbar } from "./diff-toolbar";
import { UnifiedDiff } from "./diff-unified";
import { computeDiff, prepareDiffView, MAX_DIFF_BYTES, MAX_DIFF_LINES } from "@/domain/diff/model";
import { diffTextsAsync } from "@/lib/diff/run";
import { highlightLines } from "./highlight";

const versionHref = (v: DiffSideRow) => `/a/${v.artifactId}/v/${v.versionIndex}`;

/** The file box: stats and toggles, then the diff — or the state that replaces it. */
export async function DiffBody({
  artifactId,
  state,
  from,
  to,
  language,
  caption,
}: {
  artifactId: string;
  state: DiffState;
  from: DiffSideRow;
  to: DiffSideRow;
  language: string;
  caption: string;
}) {
  const diff = await computeDiff(
    { versionId: from.id, code: from.codeContent, codeLanguage: from.codeLanguage },
    { versionId: to.id, code: to.codeContent, codeLanguage: to.codeLanguage },
    state.ws,
    (before, after, ws) => diffTextsAsync(before, after, ws),
  );
  const hasHunks = diff.segments.some((s) => s.type === "hunk");
  const view =
    hasHunks && !diff.tooLarge
      ? await prepareDiffView(diff, {
          full: state.full,
          codeLanguageA: from.codeLanguage,
          codeLanguageB: to.codeLanguage,
          highlight: highlightLines,
        })
      : null;

  let message: React.ReactNode = null;
  if (diff.aLines.length === 0 && diff.bLines.length === 0)
    message = "Both versions are empty files.";
  else if (!hasHunks)
    message = state.ws
      ? "No changes apart from whitespace."
      : "No changes: these versions have the same code.";
  else if (diff.tooLarge)
    message = (
      <>
        This diff is too large to display ({diff.diffLineCount.toLocaleString("en")} lines,{" "}
        {Math.round(diff.diffBytes / 1024).toLocaleString("en")} KB; the limit is{" "}
        {MAX_DIFF_LINES.toLocaleString("en")} lines or {MAX_DIFF_BYTES / 1000} KB). Read the two
        versions instead:{" "}
        <Link href={versionHref(from)} className="text-brand-700 underline">
          v{from.versionIndex}
        </Link>{" "}
        and{" "}
        <Link href={versionHref(to)} className="text-brand-700 underline">
          v{to.versionIndex}
        </Link>
        .
      </>
    );

  return (
    <section
      aria-label="Diff"
      className="relative overflow-hidden rounded-lg border border-zinc-200 bg-white"
    >
      <DiffToolbar
        artifactId={artifactId}
        state={state}
        added={diff.added}
        removed={diff.removed}
        linesBefore={diff.aLines.length}
        linesAfter={diff.bLines.length}
        language={language}
      />
      {!diff.exact && (
        <p
          role="note"
          className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          These versions differ so much that the comparison was cut short: every change shown is
          real, but it may not be the smallest possible set of changes.
        </p>
      )}
      {(diff.aLines.length === 0) !== (diff.bLines.length === 0) && (
        <p className="border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-600">
          {diff.aLines.length === 0
            ? `v${from.versionIndex} is an empty file.`
            : `v${to.versionIndex} is an empty file.`}
        </p>
      )}
      {message ? (
        <p role="status" className="px-4 py-8 text-center text-zinc-700">
          {message}
        </p>
      ) : view ? (
        <>
          {state.view === "split" ? (
            <DiffSplit
              view={view}
              aLines={diff.aLines}
              bLines={diff.bLines}
              eol={diff.eol}
              caption={caption}
            />
          ) : (
            <UnifiedDiff
              view={view}
              aLines={diff.aLines}
              bLines={diff.bLines}
              eol={diff.eol}
              caption={caption}
            />
          )}
          {view.truncated && (
            <p className="border-t border-zinc-200 bg-zinc-50 px-4 py-3 text-center text-sm text-zinc-700">
              Large diff: {view.hiddenChanged.toLocaleString("en")} more changed lines are not
              shown.{" "}
              {/* A plain link: a full document load streams the big page instead of a client transition. */}
              <a
                href={diffHref(artifactId, { ...state, full: true })}
                className="text-brand-700 font-medium underline"
              >
                Show the full diff
              </a>
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
