import * as auth from "./auth";
import * as core from "./core";
import * as editor from "./editor";
import * as forks from "./forks";
import * as preview from "./preview";
import * as publish from "./publish";
import * as social from "./social";
import type { ActionEntry, RouteEntry } from "./types";

// One file per feature so work on one feature never edits another's list.
const features = [core, auth, publish, preview, forks, social, editor];

export const ROUTES: RouteEntry[] = features.flatMap((f) => f.routes);
export const ACTIONS: ActionEntry[] = features.flatMap((f) => f.actions);
export type { ActionEntry, RouteEntry, Rule } from "./types";
