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
    walk: "POST only (same-origin checked); uploads, refusals and the signed-out 401 are covered by e2e/profile.spec.ts",
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
    walk: "serves uploaded images by key; headers, traversal and unknown keys are covered by e2e/profile.spec.ts",
  },
];

export const actions: ActionEntry[] = [
  { file: "app/(auth)/actions.ts", name: "signInAction", rule: "guest-only", provenBy: "e2e/auth.spec.ts (wrong password, callbackUrl, 429)" },
  { file: "app/(auth)/actions.ts", name: "signUpAction", rule: "guest-only", provenBy: "e2e/auth.spec.ts (sign-up, handle rules, handle race)" },
  { file: "app/(auth)/actions.ts", name: "signOutAction", rule: "public", provenBy: "e2e/auth.spec.ts (sign out)" },
  { file: "app/(auth)/actions.ts", name: "oauthSignInAction", rule: "guest-only", provenBy: "e2e/auth.spec.ts (unconfigured provider refused)" },
  { file: "app/(account)/settings/profile/actions.ts", name: "updateProfileAction", rule: "signed-in", provenBy: "e2e/profile.spec.ts (edits only the session's profile; extra fields refused)" },
  { file: "app/(account)/settings/profile/actions.ts", name: "removeAvatarAction", rule: "signed-in", provenBy: "e2e/profile.spec.ts" },
  { file: "app/(account)/settings/account/actions.ts", name: "changePasswordAction", rule: "signed-in", provenBy: "e2e/profile.spec.ts (current password required, other sessions signed out)" },
  { file: "app/(account)/settings/account/actions.ts", name: "deleteAccountAction", rule: "signed-in", provenBy: "e2e/profile.spec.ts (account deletion, forks by others survive)" },
  { file: "app/(account)/settings/account/actions.ts", name: "revokeSessionAction", rule: "signed-in", provenBy: "lib/actions.ts wrapper (signed-in) + db/queries/sessions.test.ts (scoped to the viewer's own sessions)" },
  { file: "app/(account)/settings/account/actions.ts", name: "revokeOtherSessionsAction", rule: "signed-in", provenBy: "lib/actions.ts wrapper (signed-in) + db/queries/sessions.test.ts" },
  { file: "app/(auth)/actions.ts", name: "pickHandleAction", rule: "signed-in", provenBy: "lib/actions.ts wrapper (signed-in) + e2e/auth.spec.ts" },
];
