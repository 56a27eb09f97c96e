import type { ActionEntry, RouteEntry } from "./types";

export const routes: RouteEntry[] = [
  { path: "/", kind: "page", rule: "public" },
  { path: "/a/[id]", kind: "page", rule: "artifact" },
  { path: "/u/[handle]", kind: "page", rule: "profile" },
  { path: "/api/health", kind: "route", rule: "public", methods: ["GET"] },
  { path: "/api/ready", kind: "route", rule: "public", methods: ["GET"] },
  { path: "/icon.svg", kind: "route", rule: "public", methods: ["GET"] },
];

export const actions: ActionEntry[] = [];
