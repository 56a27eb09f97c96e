"use client";

import Link from "next/link";
import { countOf } from "@/domain/plural";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import type { ChildrenPage, ChildSort, TreeNode } from "@/db/queries/fork-tree";
import { queryKeys } from "@/lib/query-keys";
import { formatRelative } from "@/components/ui/relative-time";
import { ForkIcon } from "./fork-icon";

// The fork tree: only the first level comes from the server; every other level loads when its
// node is opened (a keyset page at a time), so a 20,000-node lineage never ships whole.

async function fetchChildren(
  id: string,
  sort: ChildSort,
  cursor: string | null,
): Promise<ChildrenPage> {
  const qs = new URLSearchParams({ sort, ...(cursor ? { cursor } : {}) });
  const res = await fetch(`/api/artifacts/${id}/forks?${qs}`, {
    headers: { Accept: "application/json" },
  });
  if (!res.ok)
    throw new Error(
      res.status === 404
        ? "These forks are no longer available."
        : "Could not load forks. Try again.",
    );
  return res.json();
}

type TreeProps = {
  label: string;
  root: TreeNode;
  rootChildren: ChildrenPage;
  sort: ChildSort;
  highlightId: string;
};

export function ForkTree({ label, root, rootChildren, sort, highlightId }: TreeProps) {
  return (
    <ul role="tree" aria-label={label} className="space-y-1">
      <ForkTreeItem
        node={root}
        level={1}
        sort={sort}
        highlightId={highlightId}
        initialPage={rootChildren}
        defaultExpanded
      />
    </ul>
  );
}

function NodeSummary({ node, highlighted }: { node: TreeNode; highlighted: boolean }) {
  return (
    <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5">
      <Link
        href={`/a/${node.id}`}
        className="font-medium text-zinc-900 hover:underline"
        aria-current={highlighted ? "page" : undefined}
      >
        {node.title}
      </Link>
      {highlighted && (
        <span className="rounded bg-indigo-100 px-1.5 text-xs font-medium text-indigo-800">
          this artifact
        </span>
      )}
      {node.visibility === "private" && (
        <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-800">
          Private
        </span>
      )}
      <span className="text-sm text-zinc-600">
        {node.ownerHandle ? `@${node.ownerHandle}` : "someone"}
        {node.forkedFromVersionLabel && <> · from {node.forkedFromVersionLabel}</>}
        {" · "}
        <time dateTime={node.createdAt} title={new Date(node.createdAt).toUTCString()}>
          {formatRelative(new Date(node.createdAt))}
        </time>
        {" · "}♥ {node.likesCount} ·{" "}
        <Link
          href={`/a/${node.id}/forks`}
          className="inline-flex items-center gap-0.5 hover:underline"
        >
          <ForkIcon className="size-3" /> {countOf(node.forksCount, "fork", "forks")}
        </Link>
      </span>
    </span>
  );
}

type ItemProps = {
  node: TreeNode;
  level: number;
  sort: ChildSort;
  highlightId: string;
  initialPage?: ChildrenPage;
  defaultExpanded?: boolean;
};

function ForkTreeItem({
  node,
  level,
  sort,
  highlightId,
  initialPage,
  defaultExpanded = false,
}: ItemProps) {
  const [expanded, setExpanded] = useState(defaultExpanded);
  const groupId = useId();
  const hasChildren = node.forksCount > 0;
  const highlighted = node.id === highlightId;
  const children = useInfiniteQuery({
    queryKey: queryKeys.forkChildren(node.id, sort),
    queryFn: ({ pageParam }) => fetchChildren(node.id, sort, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    enabled: expanded && hasChildren,
  });
  const first = children.data?.pages[0];
  const items = children.data?.pages.flatMap((p) => p.items) ?? [];

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>) {
    // Only this item's own row: a key pressed inside a nested item belongs to that item.
    if (
      !(e.target instanceof HTMLElement) ||
      e.target.closest('[role="treeitem"]') !== e.currentTarget
    )
      return;
    if (e.key === "ArrowRight" && hasChildren && !expanded) {
      e.preventDefault();
      setExpanded(true);
    } else if (e.key === "ArrowLeft" && expanded) {
      e.preventDefault();
      setExpanded(false);
    }
  }

  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={highlighted}
      onKeyDown={onKeyDown}
      className="list-none"
    >
      <div
        className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${highlighted ? "bg-indigo-50 ring-1 ring-indigo-200" : "hover:bg-zinc-50"}`}
      >
        {hasChildren ? (
          <button
            type="button"
            onClick={() => setExpanded((x) => !x)}
            aria-label={`${expanded ? "Collapse" : "Expand"} forks of ${node.title}`}
            className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded border border-zinc-300 bg-white text-xs text-zinc-700 hover:bg-zinc-100"
          >
            <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
          </button>
        ) : (
          <span
            aria-hidden="true"
            className="mt-0.5 flex size-6 shrink-0 items-center justify-center text-zinc-300"
          >
            •
          </span>
        )}
        <NodeSummary node={node} highlighted={highlighted} />
      </div>
      {expanded && hasChildren && (
        <div className="ml-3 border-l border-zinc-200 pl-3 sm:ml-5 sm:pl-4">
          {children.isPending && (
            <p className="px-2 py-1 text-sm text-zinc-500" role="status">
              Loading forks…
            </p>
          )}
          {children.isError && (
            <p className="px-2 py-1 text-sm text-red-700" role="alert">
              {children.error.message}
            </p>
          )}
          {items.length > 0 && (
            <ul role="group" id={groupId} className="space-y-1">
              {items.map((child) => (
                <ForkTreeItem
                  key={child.id}
                  node={child}
                  level={level + 1}
                  sort={sort}
                  highlightId={highlightId}
                />
              ))}
            </ul>
          )}
          <div className="flex flex-wrap items-center gap-3 px-2 py-1 text-sm">
            {children.hasNextPage && (
              <button
                type="button"
                onClick={() => children.fetchNextPage()}
                disabled={children.isFetchingNextPage}
                className="rounded border border-zinc-300 bg-white px-2 py-0.5 text-zinc-700 hover:bg-zinc-50 disabled:opacity-60"
              >
                {children.isFetchingNextPage
                  ? "Loading…"
                  : `Show more forks (${countOf((first?.visibleCount ?? 0) - items.length, "more", "more")})`}
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
