// Query-key factories, in one place so invalidation after an action hits exactly the right caches.
// Features add their keys here.
export const queryKeys = {
  /** `start` is the cursor the page was opened at (a no-JS "Load more" link lands mid-list). */
  gallery: (params: {
    sort: string;
    language?: string;
    q?: string;
    tag?: string;
    category?: string;
    start?: string;
  }) => ["gallery", params] as const,
  forkChildren: (artifactId: string, sort: string) => ["fork-children", artifactId, sort] as const,
  comments: (artifactId: string, order: string) => ["comments", artifactId, order] as const,
  /** Every comments list of one artifact (both orders), for invalidation after a post or delete. */
  commentsOf: (artifactId: string) => ["comments", artifactId] as const,
};
