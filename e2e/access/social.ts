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
    provenBy: [
      "db/queries/likes.test.ts > returns the new count and refuses another user's private artifact with nothing written",
      "e2e/social.spec.ts > a signed-out visitor's heart leads to sign-in and back",
    ],
  },
  {
    file: "app/(public)/a/[id]/comment-actions.ts",
    name: "postCommentAction",
    rule: "artifact",
    provenBy: [
      "db/queries/comments.test.ts > a private artifact has no comments for others: reading and posting are not-found",
      "e2e/social.spec.ts > comments: Markdown rendered inert, limits named, version shown, delete own",
    ],
  },
  {
    file: "app/(public)/a/[id]/comment-actions.ts",
    name: "deleteCommentAction",
    rule: "signed-in",
    provenBy: [
      "db/queries/comments.test.ts > deletable by its author and by the artifact owner, by nobody else",
      "e2e/social.spec.ts > the artifact's owner deletes someone else's comment; nobody else sees a delete button",
    ],
  },
];
