import type { ActionEntry, RouteEntry } from "./types";

// Follows, the feed, view counts and owner stats (issue 15, parts 4-6).
export const routes: RouteEntry[] = [
  { path: "/feed", kind: "page", rule: "signed-in" },
  { path: "/u/[handle]/followers", kind: "page", rule: "profile" },
  { path: "/u/[handle]/following", kind: "page", rule: "profile" },
  { path: "/a/[id]/stats", kind: "page", rule: "artifact-owner" },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(public)/u/[handle]/follow-actions.ts",
    name: "toggleFollow",
    rule: "signed-in",
    provenBy: [
      "db/queries/follows.test.ts > refuses following yourself and an unknown person, writing nothing",
      "e2e/social-graph.spec.ts > follow from a profile, the other publishes, it shows in the feed",
      "e2e/social-graph.spec.ts > a signed-out visitor's Follow leads to sign-in",
    ],
  },
];
