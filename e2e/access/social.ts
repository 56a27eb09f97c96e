import type { ActionEntry, RouteEntry } from "./types";

// Explore, likes, comments, thumbnails and social cards (issue 6).
export const routes: RouteEntry[] = [
  { path: "/api/artifacts", kind: "route", rule: "public", methods: ["GET"], query: "?sort=top" },
  { path: "/api/artifacts/[id]/comments", kind: "route", rule: "artifact", methods: ["GET"] },
  {
    path: "/api/media/[id]/[kind]",
    kind: "route",
    rule: "artifact",
    methods: ["GET"],
    walk: "404 until a thumbnail has been rendered, even for the owner; e2e/social.spec.ts checks owner 200 / others 404 on a private artifact's thumbnail",
  },
  {
    path: "/a/[id]/opengraph-image",
    kind: "route",
    rule: "artifact",
    methods: ["GET"],
    walk: "served at opengraph-image-<build hash>; e2e/social.spec.ts reads it from og:image and checks public 200, private owner 200, others 404",
  },
  {
    path: "/u/[handle]/opengraph-image",
    kind: "route",
    rule: "profile",
    methods: ["GET"],
    walk: "served at opengraph-image-<build hash>; linked from the profile page's og:image",
  },
  { path: "/sitemap.xml", kind: "route", rule: "public", methods: ["GET"] },
  { path: "/robots.txt", kind: "route", rule: "public", methods: ["GET"] },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(public)/a/[id]/like-actions.ts",
    name: "toggleLike",
    rule: "artifact",
    provenBy: "db/queries/likes.test.ts (private of another → not-found, nothing written) + e2e/social.spec.ts (signed-out → sign in)",
  },
  {
    file: "app/(public)/a/[id]/comment-actions.ts",
    name: "postCommentAction",
    rule: "artifact",
    provenBy: "db/queries/comments.test.ts (private of another → not-found) + e2e/social.spec.ts (limits, inert HTML)",
  },
  {
    file: "app/(public)/a/[id]/comment-actions.ts",
    name: "deleteCommentAction",
    rule: "signed-in",
    provenBy: "db/queries/comments.test.ts (author or artifact owner only, in SQL) + e2e/social.spec.ts",
  },
];
