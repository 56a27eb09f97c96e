import { randomBytes } from "node:crypto";
import Link from "next/link";
import { syncFromUpstream } from "@/app/(public)/a/[id]/forks/actions";
import type { UpstreamStatus } from "@/db/queries/lineage";
import { SyncForm } from "./sync-form";
import { ForkIcon } from "./fork-icon";

// On a fork's page: compare with the version it came from and with upstream's current, how far
// upstream has moved on, and (for the owner) "Sync from upstream". Only when the parent is visible.

const diffUrl = (forkId: string, parentId: string, fromIndex: number, toIndex: number) =>
  `/a/${forkId}/diff?from=${parentId}:${fromIndex}&to=${toIndex}`;

/** The artifact page's fork row: the Fork button, then (on a fork) compare and sync. */
export function ForkBar({
  artifactId,
  upstream,
}: {
  artifactId: string;
  upstream: UpstreamStatus | null;
}) {
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
      <ForkButton artifactId={artifactId} />
      <UpstreamPanel artifactId={artifactId} status={upstream} />
    </div>
  );
}

/** `status` comes from the page's loader (loadArtifactLineage). */
export function UpstreamPanel({
  artifactId,
  status,
}: {
  artifactId: string;
  status: UpstreamStatus | null;
}) {
  if (!status || !status.currentIndex) return null;
  const { parent, forkedFromIndex, newerCount, currentIndex, isOwner } = status;
  const canSeeForkedVersion =
    forkedFromIndex !== null && (parent.historyVisible || forkedFromIndex === parent.currentIndex);
  // Until upstream moves, "the version it was forked from" and "upstream's current" are the same
  // version: one link, not two to the same diff.
  const upstreamMoved = parent.currentIndex !== null && parent.currentIndex !== forkedFromIndex;
  const untouched = !upstreamMoved && currentIndex === 1;
  const owner = parent.ownerHandle ? `@${parent.ownerHandle}` : "its author";
  return (
    <section aria-label="Upstream" className="flex min-h-8 flex-col gap-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {newerCount > 0 && (
          <p className="font-medium text-indigo-800">
            Upstream has {newerCount.toLocaleString("en")} newer{" "}
            {newerCount === 1 ? "version" : "versions"}
          </p>
        )}
        {untouched ? (
          <p className="text-zinc-600">No changes yet: this fork is identical to upstream.</p>
        ) : (
          <>
            {canSeeForkedVersion && (
              <Link
                href={diffUrl(artifactId, parent.id, forkedFromIndex!, currentIndex)}
                className="text-zinc-700 underline hover:text-zinc-900"
              >
                {upstreamMoved ? "Compare with the version it was forked from" : "See your changes"}
              </Link>
            )}
            {upstreamMoved && (
              <Link
                href={diffUrl(artifactId, parent.id, parent.currentIndex!, currentIndex)}
                className="text-zinc-700 underline hover:text-zinc-900"
              >
                Compare with upstream&rsquo;s current
              </Link>
            )}
          </>
        )}
        {isOwner && newerCount > 0 && parent.currentIndex !== null && (
          <SyncForm
            action={syncFromUpstream}
            targetId={artifactId}
            sourceId={parent.id}
            sourceVersion={parent.currentIndex}
            sourceLabel={`v${parent.currentIndex}`}
            idempotencyKey={randomBytes(16).toString("hex")}
          />
        )}
      </div>
      {isOwner && newerCount === 0 && (
        <p data-testid="sync-hint" className="text-zinc-600">
          <span className="font-medium text-zinc-800">Sync from upstream</span> appears here when{" "}
          {owner} saves a new version of &ldquo;{parent.title}&rdquo;: it adds their latest code as
          a new version of your fork, and your own versions stay in the history.
        </p>
      )}
    </section>
  );
}

/** The "Fork" button: to the small form (signed-out people are sent to sign in and come back). */
export function ForkButton({
  artifactId,
  versionIndex,
}: {
  artifactId: string;
  versionIndex?: number;
}) {
  return (
    <Link
      href={`/a/${artifactId}/fork${versionIndex ? `?v=${versionIndex}` : ""}`}
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50"
    >
      <ForkIcon /> Fork{versionIndex ? ` v${versionIndex}` : ""}
    </Link>
  );
}
