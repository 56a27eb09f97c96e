import type { ActionEntry, RouteEntry } from "./types";

// The preview sandbox: these answer only on the preview host (PREVIEW_ORIGIN) and 404 on the app
// host. e2e/sandbox-hosts.spec.ts checks both directions.
export const routes: RouteEntry[] = [
  { path: "/sandbox/v1", kind: "route", rule: "preview", methods: ["GET"] },
  // [...path] is a content-hashed vendored file the walker cannot guess; e2e/sandbox-hosts.spec.ts
  // and e2e/preview-packages.spec.ts request them on both hosts.
  {
    path: "/sandbox/pkg/[...path]",
    kind: "route",
    rule: "preview",
    methods: ["GET"],
    walk: "e2e/sandbox-hosts.spec.ts",
  },
  // Bundled fonts standing in for Google Fonts: public files, preview host only.
  {
    path: "/sandbox/fonts/[file]",
    kind: "route",
    rule: "preview",
    methods: ["GET"],
    walk: "e2e/sandbox-hosts.spec.ts",
  },
];

export const actions: ActionEntry[] = [];
