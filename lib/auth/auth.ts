import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { drizzle } from "drizzle-orm/node-postgres";
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { z } from "zod";
import { getPool } from "@/db/index";
import { headers } from "next/headers";
import { startSession } from "@/db/queries/sessions";
import { getSessionUser, getUserForSignIn } from "@/db/queries/users";
import * as schema from "@/db/schema";
import { appOrigin, env } from "@/lib/env";
import { requestLogger } from "@/lib/log/request";
import { safeCallbackPath } from "./callback-url";
import { endSessionOnSignOut } from "./session-events";
import { oauthProviders } from "./providers";
import { PASSWORD_MAX_LENGTH, hashPassword, verifyPassword } from "./password";

// Auth.js (next-auth v5). Sessions are JWTs (the Credentials provider requires them), carrying the
// user id, handle and session_version; getViewer() (lib/auth/viewer.ts) re-checks the database on
// every request, so deleted users and changed passwords sign sessions out at once.

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(PASSWORD_MAX_LENGTH),
});

// Verifying against a real hash when the email is unknown keeps the timing of "no such user" and
// "wrong password" alike, so the response does not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;

async function authorizeCredentials(raw: Partial<Record<string, unknown>>) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await getUserForSignIn(parsed.data.email);
  dummyHash ??= hashPassword("not-a-real-password-0123456789");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  if (!user?.passwordHash || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** For the session list ("Firefox on Linux"); absent outside a request. */
async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}

// Created on first use: db/index.ts makes its pool lazily, and `next build` must not need a database.
let adapter: ReturnType<typeof DrizzleAdapter> | null = null;
function getAdapter() {
  adapter ??= DrizzleAdapter(drizzle({ client: getPool(), schema }), {
    usersTable: schema.users,
    accountsTable: schema.accounts,
    sessionsTable: schema.sessions,
    verificationTokensTable: schema.verificationTokens,
  });
  return adapter;
}

function config(): NextAuthConfig {
  return {
    adapter: getAdapter(),
    secret: env.AUTH_SECRET,
    // The Host header decides the callback URLs; redirects are pinned to APP_ORIGIN below.
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", newUser: "/welcome", error: "/login" },
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: authorizeCredentials,
      }),
      ...(oauthProviders.github
        ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })]
        : []),
      ...(oauthProviders.google
        ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })]
        : []),
    ],
    events: { signOut: endSessionOnSignOut },
    // Auth.js's own logger prints every refused password as a red error with a stack. A wrong
    // password is expected: its caller logs one info line (lib/auth/sign-in-log.ts). Everything else
    // is a JSON error line under the request's id.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || (error as AuthError).type === "CredentialsSignin")
          return;
        void requestLogger().then((log) => log.error({ err: error }, "auth error"));
      },
      warn(code) {
        void requestLogger().then((log) => log.warn({ code }, "auth warning"));
      },
    },
    callbacks: {
      async jwt({ token, user, trigger }) {
        // On sign-in (and on an explicit update after a password change) read what the token
        // carries from the database; on every other request the token is passed through.
        const userId =
          user?.id ?? (trigger === "update" && typeof token.uid === "string" ? token.uid : null);
        if (userId) {
          const row = await getSessionUser(userId);
          if (!row) return null;
          token.uid = row.id;
          token.sv = row.sessionVersion;
          token.handle = row.handle;
        }
        // A new sign-in is a new session row (007_security.sql); the token names it, so sign-out and
        // "revoke" in settings end this token and every copy of it.
        if (user?.id) token.sid = await startSession(user.id, await requestUserAgent());
        return token;
      },
      session({ session, token }) {
        const withIds = session as typeof session & { sv?: number; handle?: string | null };
        if (typeof token.uid === "string") withIds.user.id = token.uid;
        withIds.sv = typeof token.sv === "number" ? token.sv : undefined;
        withIds.handle = typeof token.handle === "string" ? token.handle : null;
        return withIds;
      },
      // Only ever redirect to our own origin (SECURITY.md rule 13).
      redirect({ url }) {
        return `${appOrigin()}${safeCallbackPath(url, appOrigin())}`;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => config());
export { CredentialsSignin };
