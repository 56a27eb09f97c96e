import Link from "next/link";
import type { CommentOrder } from "@/db/queries/comments";
import type { RenderedCommentsPage } from "@/lib/markdown/comments";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";

/**
 * Comments under an artifact, as loaded by the page (lib/loaders/artifact.ts, loadArtifactSocial):
 * the first page in the order the URL asked for, and whether the viewer is signed in.
 */
export function CommentSection({
  artifactId,
  page,
  order,
  cursor,
  signedIn,
}: {
  artifactId: string;
  page: RenderedCommentsPage;
  order: CommentOrder;
  cursor: string | null;
  signedIn: boolean;
}) {
  const here = `/a/${artifactId}`;
  return (
    <section id="comments" aria-labelledby="comments-heading" className="scroll-mt-20 space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comments-heading" className="text-lg font-semibold">
          Comments <span className="font-normal text-zinc-500">({page.total})</span>
        </h2>
        <nav aria-label="Comment order" className="flex gap-1 text-sm">
          {(["newest", "oldest"] as const).map((o) => (
            <Link
              key={o}
              href={`${here}${o === "oldest" ? "?comments=oldest" : ""}#comments`}
              aria-current={o === order ? "true" : undefined}
              scroll={false}
              className={`rounded-full px-3 py-0.5 ${o === order ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-200"}`}
            >
              {o === "newest" ? "Newest first" : "Oldest first"}
            </Link>
          ))}
        </nav>
      </div>
      {signedIn ? (
        <CommentForm artifactId={artifactId} />
      ) : (
        <p className="rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-700">
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(`${here}#comments`)}`}
            className="text-brand-700 font-medium underline"
          >
            Sign in
          </Link>{" "}
          to comment.
        </p>
      )}
      <CommentList artifactId={artifactId} order={order} firstPage={page} startCursor={cursor} />
    </section>
  );
}
