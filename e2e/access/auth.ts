import type { ActionEntry, RouteEntry } from "./types";

// Accounts and profiles (issue 3). The profile page itself is listed in core.ts.
export const routes: RouteEntry[] = [
  { path: "/login", kind: "page", rule: "guest-only" },
  { path: "/signup", kind: "page", rule: "guest-only" },
  { path: "/welcome", kind: "page", rule: "signed-in" },
  { path: "/settings/profile", kind: "page", rule: "signed-in" },
  { path: "/settings/account", kind: "page", rule: "signed-in" },
  {
    path: "/api/uploads/avatar",
    kind: "route",
    rule: "signed-in",
    methods: ["POST"],
    walk: "POST only (same-origin checked); uploads are covered by e2e/profile.spec.ts, refusals and the signed-out 401 by e2e/avatars.spec.ts",
  },
  {
    path: "/api/auth/[...nextauth]",
    kind: "route",
    rule: "auth",
    methods: ["GET", "POST"],
    walk: "Auth.js's own endpoints; sign-in, sign-out, callbackUrl and the 429 are covered by e2e/auth.spec.ts",
  },
  {
    path: "/api/uploads/[...key]",
    kind: "route",
    rule: "public",
    methods: ["GET"],
    walk: "serves uploaded images by key; headers are covered by e2e/profile.spec.ts, traversal and unknown keys by e2e/avatars.spec.ts",
  },
];

export const actions: ActionEntry[] = [
  {
    file: "app/(auth)/actions.ts",
    name: "signInAction",
    rule: "guest-only",
    provenBy: [
      "e2e/auth.spec.ts > a wrong password and an unknown email get the same message, and the email is kept",
      "e2e/auth.spec.ts > callbackUrl: same-origin paths are followed, other origins ignored",
      "e2e/auth.spec.ts > sign-in is rate limited per account and address: 429 with Retry-After, and a message in the form",
    ],
  },
  {
    file: "app/(auth)/actions.ts",
    name: "signUpAction",
    rule: "guest-only",
    provenBy: [
      "e2e/auth.spec.ts > sign up, sign out, sign in again, and the header follows",
      "e2e/auth.spec.ts > sign-up refuses bad handles with a clear message and keeps what was typed",
      "e2e/auth.spec.ts > the handle race: two simultaneous sign-ups for one handle, one wins, the other is told it is taken",
    ],
  },
  {
    file: "app/(auth)/actions.ts",
    name: "signOutAction",
    rule: "public",
    provenBy: ["e2e/auth.spec.ts > sign up, sign out, sign in again, and the header follows"],
  },
  {
    file: "app/(auth)/actions.ts",
    name: "oauthSignInAction",
    rule: "guest-only",
    provenBy: ["e2e/auth.spec.ts > OAuth buttons appear only for configured providers"],
  },
  {
    file: "app/(account)/settings/profile/actions.ts",
    name: "updateProfileAction",
    rule: "signed-in",
    provenBy: [
      "e2e/profile.spec.ts > a crafted call cannot edit someone else's profile: extra fields are refused",
    ],
  },
  {
    file: "app/(account)/settings/profile/actions.ts",
    name: "removeAvatarAction",
    rule: "signed-in",
    provenBy: [
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
      "e2e/account.spec.ts > settings pages send signed-out people to sign in and back",
    ],
  },
  {
    file: "app/(account)/settings/account/actions.ts",
    name: "changePasswordAction",
    rule: "signed-in",
    provenBy: [
      "e2e/account.spec.ts > changing the password needs the current one and signs other sessions out",
    ],
  },
  {
    file: "app/(account)/settings/account/actions.ts",
    name: "deleteAccountAction",
    rule: "signed-in",
    provenBy: [
      "e2e/account.spec.ts > deleting the account removes its profile, artifacts, versions and avatar; other people's forks survive",
    ],
  },
  {
    file: "app/(account)/settings/account/actions.ts",
    name: "revokeSessionAction",
    rule: "signed-in",
    provenBy: [
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
      "db/queries/sessions.test.ts > lists live sessions and revokes one, or all others, only for their owner",
    ],
  },
  {
    file: "app/(account)/settings/account/actions.ts",
    name: "revokeOtherSessionsAction",
    rule: "signed-in",
    provenBy: [
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
      "db/queries/sessions.test.ts > lists live sessions and revokes one, or all others, only for their owner",
    ],
  },
  {
    file: "app/(auth)/actions.ts",
    name: "pickHandleAction",
    rule: "signed-in",
    provenBy: [
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
    ],
  },
];
