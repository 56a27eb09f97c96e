import * as api from "./api";
import * as auth from "./auth";
import * as core from "./core";
import * as embed from "./embed";
import * as exportImport from "./export";
import * as editor from "./editor";
import * as forks from "./forks";
import * as moderation from "./moderation";
import * as preview from "./preview";
import * as publish from "./publish";
import * as scale from "./scale";
import * as social from "./social";
import * as socialGraph from "./social-graph";
import * as tags from "./tags";
import type { ActionEntry, RouteEntry } from "./types";

// One file per feature so work on one feature never edits another's list.
const features = [
  core,
  auth,
  publish,
  preview,
  forks,
  social,
  api,
  embed,
  tags,
  exportImport,
  socialGraph,
  moderation,
  editor,
  scale,
];

export const ROUTES: RouteEntry[] = features.flatMap((f) => f.routes);
export const ACTIONS: ActionEntry[] = features.flatMap((f) => f.actions);
export type { ActionEntry, RouteEntry, Rule } from "./types";
