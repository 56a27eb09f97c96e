import type { ActionEntry, RouteEntry } from "./types";

export const routes: RouteEntry[] = [];

export const actions: ActionEntry[] = [];
