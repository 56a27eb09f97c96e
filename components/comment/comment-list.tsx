"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { useFormStatus } from "react-dom";
import { deleteCommentAction } from "@/app/(public)/a/[id]/comment-actions";
import type { CommentOrder } from "@/db/queries/comments";
import type { ActionState } from "@/lib/actions";
import type { RenderedComment, RenderedCommentsPage } from "@/lib/markdown/comments";
import { queryKeys } from "@/lib/query-keys";
import { MarkdownHtml } from "@/components/markdown/markdown-html";
import { ReportButton } from "@/components/moderation/report-button";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";

async function fetchComments(
  artifactId: string,
  order: CommentOrder,
  cursor: string | null,
): Promise<RenderedCommentsPage> {
  const search = new URLSearchParams({ order });
  if (cursor) search.set("cursor", cursor);
  const res = await fetch(`/api/artifacts/${artifactId}/comments?${search}`);
  if (!res.ok) throw new Error("Could not load comments.");
  return res.json();
}

function DeleteButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="text-xs text-zinc-500 hover:text-rose-700 disabled:opacity-60"
    >
      {pending ? "Deleting…" : "Delete"}
    </button>
  );
}

function CommentItem({ comment, artifactId }: { comment: RenderedComment; artifactId: string }) {
  const [state, action] = useActionState(deleteCommentAction, { status: "idle" } as ActionState);
  const queryClient = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    if (state.status !== "success") return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.commentsOf(artifactId) });
    router.refresh();
  }, [state, artifactId, queryClient, router]);
  const version = comment.versionIndex ? comment.versionLabel || `v${comment.versionIndex}` : null;
  const who = comment.authorHandle ?? "deleted user";
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="comment">
      <div className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <Avatar src={comment.authorAvatarUrl} name={who} size={24} />
        {comment.authorHandle ? (
          <Link href={`/u/${comment.authorHandle}`} className="font-medium hover:underline">
            @{comment.authorHandle}
          </Link>
        ) : (
          <span className="font-medium text-zinc-500">{who}</span>
        )}
        <span className="text-zinc-500">
          <RelativeTime date={new Date(comment.createdAt)} />
        </span>
        {version && (
          <span
            className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-600"
            title="The version that was current when this was posted"
          >
            on {version}
          </span>
        )}
        {comment.canDelete && (
          <form action={action} className="ml-auto">
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="artifactId" value={artifactId} />
            <DeleteButton />
          </form>
        )}
        <ReportButton
          artifactId={artifactId}
          commentId={comment.id}
          alignEnd={!comment.canDelete}
        />
      </div>
      <MarkdownHtml html={comment.bodyHtml} className="text-sm leading-relaxed text-zinc-800" />
      {state.status === "error" && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {state.message}
        </p>
      )}
    </li>
  );
}

export function CommentList({
  artifactId,
  order,
  firstPage,
  startCursor,
}: {
  artifactId: string;
  order: CommentOrder;
  firstPage: RenderedCommentsPage;
  startCursor: string | null;
}) {
  const query = useInfiniteQuery({
    queryKey: [...queryKeys.comments(artifactId, order), startCursor ?? ""],
    queryFn: ({ pageParam }) => fetchComments(artifactId, order, pageParam),
    initialPageParam: startCursor,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [startCursor] },
    staleTime: 30_000,
  });
  const comments = query.data.pages.flatMap((p) => p.items);
  const nextCursor = query.data.pages[query.data.pages.length - 1]?.nextCursor ?? null;
  if (comments.length === 0) {
    return <p className="text-sm text-zinc-600">No comments yet. Start the conversation.</p>;
  }
  return (
    <div className="space-y-3">
      <ul className="space-y-3">
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} artifactId={artifactId} />
        ))}
      </ul>
      {nextCursor && (
        <Link
          href={`/a/${artifactId}?${new URLSearchParams({ ...(order === "oldest" ? { comments: "oldest" } : {}), ccursor: nextCursor })}#comments`}
          scroll={false}
          onClick={(e) => {
            e.preventDefault();
            void query.fetchNextPage();
          }}
          className="inline-block rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50"
        >
          {query.isFetchingNextPage ? "Loading…" : "Show more comments"}
        </Link>
      )}
    </div>
  );
}
