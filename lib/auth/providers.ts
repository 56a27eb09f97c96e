import { env } from "@/lib/env";

/** OAuth providers are on only when both their id and secret are configured; their buttons show only then. */
export const oauthProviders = {
  github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
  google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
};
