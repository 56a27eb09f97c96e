import type { ActionEntry, RouteEntry } from "./types";

// Bounded queries at any scale (issue 13): the sitemap's chunks. /sitemap.xml (the index) stays
// in social.ts.
export const routes: RouteEntry[] = [
  {
    path: "/sitemaps/[chunk]",
    kind: "route",
    rule: "public",
    methods: ["GET"],
    walk: "chunk names come from the /sitemap.xml index; e2e/social.spec.ts follows it and checks a public artifact listed, a private one absent",
  },
];

export const actions: ActionEntry[] = [];
