import type { ActionEntry, RouteEntry } from "./types";

export const routes: RouteEntry[] = [
  { path: "/a/[id]/diff", kind: "page", rule: "artifact-history" },
];

export const actions: ActionEntry[] = [];
