import Link from "next/link";
import { listComments, type CommentOrder } from "@/db/queries/comments";
import { getViewer } from "@/lib/auth/viewer";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";

/**
 * Comments under an artifact. The page has already checked that the viewer may see the artifact;
 * listComments checks again in SQL. `searchParams` carries the no-JS state (?comments=oldest&ccursor=).
 */
export async function CommentSection({
  artifactId,
  searchParams = {},
}: {
  artifactId: string;
  searchParams?: Record<string, string | string[] | undefined>;
}) {
  const order: CommentOrder = searchParams.comments === "oldest" ? "oldest" : "newest";
  const cursor = typeof searchParams.ccursor === "string" ? searchParams.ccursor : null;
  const viewer = await getViewer();
  const page = await listComments({ artifactId, viewerId: viewer?.id ?? null, order, cursor });
  if (!page) return null;
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
      {viewer?.id ? (
        <CommentForm artifactId={artifactId} />
      ) : (
        <p className="rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-700">
          <Link href={`/login?callbackUrl=${encodeURIComponent(`${here}#comments`)}`} className="font-medium text-brand-700 underline">
            Sign in
          </Link>{" "}
          to comment.
        </p>
      )}
      <CommentList artifactId={artifactId} order={order} firstPage={page} startCursor={cursor} />
    </section>
  );
}
