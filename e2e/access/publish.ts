import type { ActionEntry, RouteEntry } from "./types";

// Publishing, versions and settings. (/a/[id] itself is listed in core.ts.)
export const routes: RouteEntry[] = [
  { path: "/new", kind: "page", rule: "signed-in" },
  {
    path: "/a/[id]/v/[index]",
    kind: "page",
    rule: "artifact-history",
    walk: "needs a concrete old version index: e2e/publish.spec.ts checks anonymous, owner and another user",
  },
  { path: "/a/[id]/versions", kind: "page", rule: "artifact-history" },
  { path: "/a/[id]/raw", kind: "route", rule: "artifact", methods: ["GET"] },
  { path: "/a/[id]/edit", kind: "page", rule: "artifact-owner" },
  { path: "/a/[id]/settings", kind: "page", rule: "artifact-owner" },
];

export const actions: ActionEntry[] = [
  { file: "app/(account)/new/actions.ts", name: "publishAction", rule: "signed-in", provenBy: "e2e/publish.spec.ts; db/queries/versions.test.ts" },
  {
    file: "app/(account)/a/[id]/edit/actions.ts",
    name: "saveVersionAction",
    rule: "artifact-owner",
    provenBy: "db/queries/versions.test.ts (another user's id → not_found, nothing written); e2e/publish.spec.ts",
  },
  {
    file: "app/(account)/a/[id]/edit/actions.ts",
    name: "restoreVersionAction",
    rule: "artifact-owner",
    provenBy: "db/queries/versions.test.ts (another user's id → not_found, nothing written); e2e/publish.spec.ts",
  },
  {
    file: "app/(account)/a/[id]/settings/actions.ts",
    name: "updateSettingsAction",
    rule: "artifact-owner",
    provenBy: "db/queries/artifacts.test.ts (scoped by owner); e2e/publish.spec.ts",
  },
  {
    file: "app/(account)/a/[id]/settings/actions.ts",
    name: "deleteArtifactAction",
    rule: "artifact-owner",
    provenBy: "db/queries/artifacts.test.ts (scoped by owner, exact title); e2e/publish.spec.ts",
  },
];
