// Query-key factories, in one place so invalidation after an action hits exactly the right caches.
// Features add their keys here.
export const queryKeys = {
  gallery: (params: { sort: string; language?: string; q?: string }) => ["gallery", params] as const,
  forkChildren: (artifactId: string, sort: string) => ["fork-children", artifactId, sort] as const,
  comments: (artifactId: string, order: string) => ["comments", artifactId, order] as const,
};
