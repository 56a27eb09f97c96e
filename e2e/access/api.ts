import type { ActionEntry, RouteEntry } from "./types";

// The JSON API, its tokens and its reference (issue 14). /api/v1 reads only a bearer token, never
// the session cookie; its authorisation matrix is proven by app/api/v1/**/*.test.ts.
export const routes: RouteEntry[] = [{ path: "/settings/tokens", kind: "page", rule: "signed-in" }];

export const actions: ActionEntry[] = [
  {
    file: "app/(account)/settings/tokens/actions.ts",
    name: "createTokenAction",
    rule: "signed-in",
    provenBy: [
      "app/(account)/settings/tokens/actions.test.ts > refuses a request that carries only a bearer token, and writes nothing",
      "app/(account)/settings/tokens/actions.test.ts > works for the same user with a session cookie",
    ],
  },
  {
    file: "app/(account)/settings/tokens/actions.ts",
    name: "revokeTokenAction",
    rule: "signed-in",
    provenBy: ["db/queries/tokens.test.ts > lets nobody list or revoke another user's token"],
  },
];
