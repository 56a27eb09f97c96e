import type { ActionEntry, RouteEntry } from "./types";

// The preview sandbox: these answer only on the preview host (PREVIEW_ORIGIN) and 404 on the app
// host. e2e/sandbox.spec.ts attacks both directions.
export const routes: RouteEntry[] = [
  { path: "/sandbox/v1", kind: "route", rule: "preview", methods: ["GET"] },
  // [file] is a runtime name the walker cannot fill; e2e/sandbox.spec.ts requests it on both hosts.
  { path: "/sandbox/runtime/[file]", kind: "route", rule: "preview", methods: ["GET"], walk: "e2e/sandbox.spec.ts" },
];

export const actions: ActionEntry[] = [];
