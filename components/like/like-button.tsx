"use client";

import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { toggleLike } from "@/app/(public)/a/[id]/like-actions";
import type { GalleryPage } from "@/db/queries/gallery";

type State = { liked: boolean; count: number };

/**
 * The heart. Optimistic: the count moves at once and rolls back if the server says no. Signed-out
 * people get a link to sign in that brings them back here.
 */
export function LikeButton({
  artifactId,
  liked,
  count,
  signedIn,
  size = "sm",
}: {
  artifactId: string;
  liked: boolean;
  count: number;
  signedIn: boolean;
  size?: "sm" | "md";
}) {
  const [state, setState] = useState<State>({ liked, count });
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const here = `${pathname}${search.size ? `?${search.toString()}` : ""}`;
  const loginHref = `/login?callbackUrl=${encodeURIComponent(here)}`;

  const mutation = useMutation({
    mutationFn: async (like: boolean) => {
      const result = await toggleLike({ artifactId, like });
      if (result.status !== "success" || !result.data)
        throw new Error(result.status === "error" ? result.message : "Please try again.");
      return result.data;
    },
    onMutate: (like) => {
      const previous = state;
      setError(null);
      setState({ liked: like, count: Math.max(0, state.count + (like ? 1 : -1)) });
      return { previous };
    },
    onError: (err, _like, context) => {
      if (context) setState(context.previous);
      const message = err instanceof Error ? err.message : "Please try again.";
      if (/sign in/i.test(message)) router.push(loginHref);
      setError(message);
    },
    onSuccess: (data) => {
      setState({ liked: data.liked, count: data.likesCount });
      // Keep cached gallery pages (restored on "back") in step with what the server said.
      queryClient.setQueriesData<InfiniteData<GalleryPage>>({ queryKey: ["gallery"] }, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((p) => ({
                ...p,
                items: p.items.map((i) =>
                  i.id === artifactId
                    ? { ...i, likedByViewer: data.liked, likesCount: data.likesCount }
                    : i,
                ),
              })),
            }
          : old,
      );
    },
  });

  // The accessible name starts with the visible count ("3 likes"), so voice users can say what they
  // see; aria-pressed carries liked / not liked.
  const countText = (
    <>
      <span>{state.count}</span>
      <span className="sr-only"> {state.count === 1 ? "like" : "likes"}</span>
    </>
  );
  const classes = `inline-flex items-center gap-1 rounded-full tabular-nums transition ${
    size === "md"
      ? "border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50"
      : "px-1.5 py-0.5 text-xs hover:bg-zinc-100"
  } ${state.liked ? "text-rose-600" : "text-zinc-600"}`;
  const heart = (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className={size === "md" ? "size-4" : "size-3.5"}
      fill={state.liked ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth={2}
    >
      <path d="M12 21s-7.5-4.6-9.6-9.1C.9 8.6 3 5 6.6 5c2.1 0 3.6 1.2 5.4 3.1C13.8 6.2 15.3 5 17.4 5 21 5 23.1 8.6 21.6 11.9 19.5 16.4 12 21 12 21z" />
    </svg>
  );

  if (!signedIn) {
    return (
      <Link href={loginHref} className={classes} data-testid="like-button">
        {heart}
        {countText}
        <span className="sr-only">, sign in to like</span>
      </Link>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={classes}
        aria-pressed={state.liked}
        data-testid="like-button"
        onClick={() => mutation.mutate(!state.liked)}
      >
        {heart}
        {countText}
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
