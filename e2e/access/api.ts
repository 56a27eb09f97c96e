import type { ActionEntry, RouteEntry } from "./types";

// The JSON API, its tokens and its reference (issue 14). /api/v1 reads only a bearer token, never
// the session cookie; its authorisation matrix is proven by app/api/v1/**/*.test.ts.
const MATRIX =
  "app/api/v1/auth.test.ts: token scopes, expired/revoked 401, private = missing, cookies ignored";
const api = (path: string, methods: string[]): RouteEntry => ({
  path: `/api/v1${path}`,
  kind: "route",
  rule: "api-token",
  methods,
  walk: MATRIX,
});

export const routes: RouteEntry[] = [
  { path: "/settings/tokens", kind: "page", rule: "signed-in" },
  { path: "/docs/api", kind: "page", rule: "public" },
  { path: "/api/v1/openapi.json", kind: "route", rule: "public", methods: ["GET"] },
  api("/artifacts", ["GET", "POST"]),
  // The one the walker runs: public 200, private 404 for every actor (their cookies do not count).
  { ...api("/artifacts/[id]", ["GET", "PATCH", "DELETE"]), walk: undefined },
  api("/artifacts/[id]/versions", ["GET", "POST"]),
  api("/artifacts/[id]/versions/[version]", ["GET"]),
  api("/artifacts/[id]/versions/[version]/restore", ["POST"]),
  api("/artifacts/[id]/diff", ["GET"]),
  api("/artifacts/[id]/forks", ["GET", "POST"]),
  api("/artifacts/[id]/sync", ["POST"]),
  api("/artifacts/[id]/like", ["PUT", "DELETE"]),
  api("/artifacts/[id]/comments", ["GET", "POST"]),
  api("/users/[handle]", ["GET"]),
  {
    ...api("/artifacts/[id]/export", ["GET"]),
    walk: "app/api/v1/archive.test.ts: private 404 for another token and for none, the owner's read token gets the zip",
  },
  {
    ...api("/imports", ["POST"]),
    walk: "app/api/v1/archive.test.ts: write scope only (read → 403), refusals are 422 sentences",
  },
];

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
