import type { ActionEntry, RouteEntry } from "./types";

// Forks, lineage, fork trees and sync from upstream (issue 5).
export const routes: RouteEntry[] = [
  { path: "/a/[id]/forks", kind: "page", rule: "artifact" },
  { path: "/api/artifacts/[id]/forks", kind: "route", rule: "artifact", methods: ["GET"] },
  {
    path: "/a/[id]/fork",
    kind: "page",
    // Signed-out people are sent to sign in (and back); signed in, it follows the artifact rule:
    // public → 200 for everyone, private → owner 200, everyone else 404.
    rule: "signed-in",
    walk: "e2e/forks.spec.ts: anonymous → /login?callbackUrl=…; another user on a private artifact → 404",
  },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(public)/a/[id]/fork/actions.ts",
    name: "forkArtifact",
    rule: "artifact",
    provenBy: [
      "db/queries/forks.test.ts > refuses what the viewer may not see: private parents and hidden history, writing nothing",
      "e2e/forks.spec.ts > signed out → sign in → back on the fork form → one fork with its lineage line",
    ],
  },
  {
    file: "app/(public)/a/[id]/forks/actions.ts",
    name: "syncFromUpstream",
    rule: "artifact-owner",
    provenBy: [
      "db/queries/forks.test.ts > refuses targets the viewer does not own and sources they may not see, writing nothing",
      "e2e/forks.spec.ts > compare with upstream and sync from upstream",
    ],
  },
];
