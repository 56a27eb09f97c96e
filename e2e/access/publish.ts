import type { ActionEntry, RouteEntry } from "./types";

// Publishing, versions and settings. (/a/[id] itself is listed in core.ts.)
export const routes: RouteEntry[] = [
  { path: "/a/[id]/diff", kind: "page", rule: "artifact-history" },
  { path: "/new", kind: "page", rule: "signed-in" },
  {
    path: "/a/[id]/v/[index]",
    kind: "page",
    rule: "artifact-history",
    walk: "needs a concrete old version index: e2e/publish-visibility.spec.ts checks anonymous, owner and another user",
  },
  { path: "/a/[id]/versions", kind: "page", rule: "artifact-history" },
  { path: "/a/[id]/raw", kind: "route", rule: "artifact", methods: ["GET"] },
  { path: "/a/[id]/edit", kind: "page", rule: "artifact-owner" },
  { path: "/a/[id]/settings", kind: "page", rule: "artifact-owner" },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(account)/new/actions.ts",
    name: "publishAction",
    rule: "signed-in",
    provenBy: [
      "e2e/versions.spec.ts > publish → edit → second version → history → diff link → restore",
      "db/queries/versions.test.ts > creates the artifact and version 1 with its derived fields, and points at it",
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
    ],
  },
  {
    file: "app/(account)/a/[id]/edit/actions.ts",
    name: "saveVersionAction",
    rule: "artifact-owner",
    provenBy: [
      "db/queries/versions.test.ts > refuses another user's artifact as not found, writing nothing",
      "e2e/versions.spec.ts > publish → edit → second version → history → diff link → restore",
    ],
  },
  {
    file: "app/(account)/a/[id]/edit/actions.ts",
    name: "restoreVersionAction",
    rule: "artifact-owner",
    provenBy: [
      "db/queries/versions.test.ts > refuses another user's artifact as not found, writing nothing",
      "e2e/versions.spec.ts > publish → edit → second version → history → diff link → restore",
    ],
  },
  {
    file: "app/(account)/a/[id]/settings/actions.ts",
    name: "updateSettingsAction",
    rule: "artifact-owner",
    provenBy: [
      "db/queries/artifacts.test.ts > the owner updates settings; another user changes nothing",
    ],
  },
  {
    file: "app/(account)/a/[id]/settings/actions.ts",
    name: "deleteArtifactAction",
    rule: "artifact-owner",
    provenBy: [
      "db/queries/artifacts.test.ts > deletes only with the exact title and only for the owner; versions go with it",
      "e2e/publish.spec.ts > settings: delete needs the exact title, then goes to the owner's profile",
    ],
  },
];
