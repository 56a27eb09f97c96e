"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { GalleryPage } from "@/db/queries/gallery";
import { queryKeys } from "@/lib/query-keys";
import { GalleryGridList } from "./gallery-card";
import { galleryQueryString, type GalleryParams } from "@/domain/gallery/params";

const SCROLL_KEY = "vitrine:gallery-scroll";

async function fetchPage(params: GalleryParams, cursor: string | null): Promise<GalleryPage> {
  const res = await fetch(`/api/artifacts${galleryQueryString({ ...params, cursor })}`, {
    headers: { Accept: "application/json" },
  });
  if (!res.ok)
    throw new Error(
      (await res.json().catch(() => null))?.error ?? "Could not load more artifacts.",
    );
  return res.json();
}

/**
 * The Explore grid: the server renders the first page; more pages load as the sentinel scrolls into
 * view (a "Load more" link is the no-JS fallback and the manual trigger). Loaded pages stay in the
 * React Query cache, so "back" from an artifact shows them all again and the scroll position is
 * put back where it was.
 */
export function InfiniteGallery({
  params,
  firstPage,
  startCursor,
  signedIn,
  basePath = "/",
}: {
  /** Where the no-JS "Load more" link points (the tag page passes its own path). */
  basePath?: string;
  params: GalleryParams;
  firstPage: GalleryPage;
  startCursor: string | null;
  signedIn: boolean;
}) {
  const key = queryKeys.gallery({
    sort: params.sort,
    language: params.language ?? undefined,
    q: params.q ?? undefined,
    tag: params.tag ?? undefined,
    category: params.category ?? undefined,
    start: startCursor ?? undefined,
  });
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(params, pageParam),
    initialPageParam: startCursor,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [startCursor] },
    // The server just rendered page 1; don't refetch it on mount, and keep pages for "back".
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
  });
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Scroll restoration: remember the position when leaving for an artifact, put it back on return.
  const stateKey = JSON.stringify(key);
  useEffect(() => {
    const raw = sessionStorage.getItem(SCROLL_KEY);
    if (raw) {
      const saved = JSON.parse(raw) as { key: string; y: number };
      sessionStorage.removeItem(SCROLL_KEY);
      if (saved.key === stateKey) requestAnimationFrame(() => window.scrollTo(0, saved.y));
    }
    const save = () =>
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ key: stateKey, y: window.scrollY }));
    const onClick = (e: MouseEvent) => {
      if ((e.target as HTMLElement | null)?.closest("a[href]")) save();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("pagehide", save);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("pagehide", save);
    };
  }, [stateKey]);

  const cards = query.data.pages.flatMap((p) => p.items);
  const nextCursor = query.data.pages[query.data.pages.length - 1]?.nextCursor ?? null;
  return (
    <div className="space-y-6">
      <GalleryGridList cards={cards} signedIn={signedIn} priorityCount={4} />
      <div ref={sentinel} aria-hidden />
      {query.isFetchNextPageError && (
        <p role="alert" className="text-center text-sm text-rose-700">
          {query.error?.message ?? "Could not load more artifacts."}
        </p>
      )}
      {nextCursor ? (
        <div className="flex justify-center">
          <Link
            href={`${basePath}${galleryQueryString({ ...params, cursor: nextCursor })}`}
            scroll={false}
            onClick={(e) => {
              e.preventDefault();
              void fetchNextPage();
            }}
            className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
            aria-busy={isFetchingNextPage}
          >
            {isFetchingNextPage ? "Loading…" : "Load more"}
          </Link>
        </div>
      ) : (
        cards.length > 0 && (
          <p className="text-center text-sm text-zinc-500">You have reached the end.</p>
        )
      )}
    </div>
  );
}
