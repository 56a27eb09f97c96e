// The machine-readable list of every page, route handler and server action, with who may use it.
// e2e/access/manifest.test.ts fails when a file in app/ is missing from the list; e2e/access.spec.ts
// walks the list as anonymous, owner and another user against public and private artifacts.
//
// Rules (what each actor gets):
//   public            everyone: 200
//   signed-in         anonymous: redirected to /login (with a same-origin callbackUrl); signed in: 200
//   guest-only        sign-in / sign-up pages: everyone may open them
//   artifact          public artifact: everyone 200 · private: owner 200, everyone else 404
//   artifact-history  like artifact, and when versioning is off: owner 200, everyone else 404
//   artifact-owner    owner 200 · everyone else 404 (signed-out users are sent to sign in first)
//   public-artifact   embeds: public artifact: everyone 200 · private: everyone 404, the owner too
//   profile           existing handle: 200 · unknown handle: 404
//   preview           answers only on the preview origin; 404 on the app origin
//   auth              Auth.js's own endpoints (CSRF-protected by Auth.js)
//   api-token         /api/v1: a bearer token only, cookies never count (anonymous on reads, 401 on
//                     writes); otherwise the artifact rules above (app/api/v1/auth.test.ts)
//   moderator         moderators (npm run vitrine -- role grant): 200 · everyone else, signed in or not: 404
export type Rule =
  | "public"
  | "signed-in"
  | "guest-only"
  | "artifact"
  | "artifact-history"
  | "artifact-owner"
  | "public-artifact"
  | "profile"
  | "preview"
  | "auth"
  | "api-token"
  | "moderator";

export type RouteEntry = {
  /** The route as Next.js names it, route groups removed: `/a/[id]/versions`. */
  path: string;
  kind: "page" | "route";
  rule: Rule;
  /** For the walker: a concrete URL suffix to append (a query string), when the page needs one. */
  query?: string;
  /** Route handlers: the methods it answers. */
  methods?: string[];
  /** Skip the generic walk (with the reason) when a dedicated spec covers this entry. */
  walk?: false | string;
};

export type Proof = `${string}.${"test" | "spec"}.ts > ${string}`;

export type ActionEntry = {
  /** File under app/ that holds the "use server" functions, e.g. `app/(account)/new/actions.ts`. */
  file: string;
  name: string;
  rule: "public" | "signed-in" | "artifact" | "artifact-owner" | "guest-only" | "moderator";
  /**
   * The tests that prove the rule, as "file > exact test title" (manifest.test.ts checks that each
   * file has a test with that title, so a renamed or deleted test cannot leave a stale proof).
   */
  provenBy: Proof[];
};
