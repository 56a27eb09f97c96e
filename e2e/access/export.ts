import type { ActionEntry, RouteEntry } from "./types";

// Export and import (issue 14, part 5): README "Export and import".
export const routes: RouteEntry[] = [
  { path: "/a/[id]/export.zip", kind: "route", rule: "artifact", methods: ["GET"] },
  { path: "/import", kind: "page", rule: "signed-in" },
  { path: "/settings/export", kind: "page", rule: "signed-in" },
  { path: "/settings/export/account.zip", kind: "route", rule: "signed-in", methods: ["GET"] },
  {
    path: "/settings/export/[id]/download",
    kind: "route",
    rule: "signed-in",
    methods: ["GET"],
    walk: "its [id] is an account export, not an artifact: lib/archive/account-export.test.ts proves owner-only download and expiry",
  },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(account)/import/actions.ts",
    name: "importArchiveAction",
    rule: "signed-in",
    provenBy: [
      "lib/archive/round-trip.test.ts > round trip: the imported artifact equals the original version for version",
      "e2e/export.spec.ts > download the zip from the artifact page, import it, see the imported versions",
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
    ],
  },
  {
    file: "app/(account)/settings/export/actions.ts",
    name: "requestAccountExportAction",
    rule: "signed-in",
    provenBy: [
      "lib/archive/account-export.test.ts > a queued export is built by the worker through pg-boss, downloaded by its owner only, and expires",
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
    ],
  },
];
