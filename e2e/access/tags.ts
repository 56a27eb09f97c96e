import type { ActionEntry, RouteEntry } from "./types";

// Tags, categories and title suggestions (issue 15, parts 1 and 2).
export const routes: RouteEntry[] = [
  {
    path: "/t/[tag]",
    kind: "page",
    rule: "public",
    walk: "e2e/tags.spec.ts opens tag pages as the owner and as another user (a private artifact's tag shows nothing) and an invalid tag (200 with a sentence, never a 500)",
  },
  { path: "/api/tags", kind: "route", rule: "public", methods: ["GET"], query: "?prefix=a" },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(account)/new/suggest-actions.ts",
    name: "suggestAction",
    rule: "signed-in",
    provenBy: [
      "lib/llm/suggest.test.ts > falls back when nothing listens there, and is local without a configuration",
      "e2e/tags.spec.ts > publish with tags and a suggested title, find it on its tag page and in the explore filter, change tags in settings",
    ],
  },
];
