import Link from "next/link";
import type { HistoryBoundary } from "@/db/queries/lineage";
import { ForkIcon } from "./fork-icon";

// The end of a fork's history: "forked from v3 of <parent>", and the way on into the parent's own
// history. A diff across the boundary uses the cross-artifact form `from=<parentId>:<index>`.

/** `boundary` is what the versions page loaded with getHistoryBoundary; null renders nothing. */
export function ForkHistoryBoundary({
  artifactId,
  boundary,
}: {
  artifactId: string;
  boundary: HistoryBoundary | null;
}) {
  if (!boundary) return null;
  const { parent, upstream } = boundary;
  const label = parent.versionLabel ?? "a version";
  const forkedIndex = upstream?.forkedFromIndex ?? null;
  const seeHistory = parent.state === "visible" && upstream?.parent.historyVisible;
  return (
    <div
      className="rounded-lg border border-dashed border-zinc-300 bg-zinc-50 p-4 text-sm text-zinc-700"
      data-testid="fork-boundary"
    >
      <p>
        <ForkIcon className="mr-1 size-3.5 align-[-2px]" />
        Forked from <strong>{label}</strong> of{" "}
        {parent.state === "visible" ? (
          <Link href={`/a/${parent.id}`} className="font-medium underline">
            {parent.ownerHandle ? `@${parent.ownerHandle} / ` : ""}
            {parent.title}
          </Link>
        ) : (
          <span className="italic">
            {parent.state === "private" ? "a private artifact" : "a deleted artifact"}
          </span>
        )}
      </p>
      {parent.state === "visible" && (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          {seeHistory && (
            <Link href={`/a/${parent.id}/versions`} className="underline hover:text-zinc-900">
              Continue into upstream history →
            </Link>
          )}
          {forkedIndex !== null &&
            (seeHistory || forkedIndex === upstream?.parent.currentIndex) && (
              <Link
                href={`/a/${artifactId}/diff?from=${parent.id}:${forkedIndex}&to=1`}
                className="underline hover:text-zinc-900"
              >
                Compare v1 with {label} upstream
              </Link>
            )}
        </p>
      )}
    </div>
  );
}
