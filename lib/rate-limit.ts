import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "@/db/index";
import { env } from "@/lib/env";

// Rate limits on PostgreSQL (rate-limiter-flexible), shared by every server process. The table is
// created by data/migrations/003_accounts.sql. Adding a bucket is one line below.
//
// Limits are chosen so normal use never meets them — the e2e suite signs up many users from
// 127.0.0.1 with limits on — while scripted abuse does.
type BucketConfig = { points: number; durationSeconds: number; message: string };

export const BUCKETS = {
  "signup-ip": {
    points: 30,
    durationSeconds: 10 * 60,
    message: "Too many sign-ups from this network.",
  },
  // All sign-ups together: a ceiling on account farming from many addresses at once (key "all").
  "signup-global": {
    points: 300,
    durationSeconds: 60 * 60,
    message: "We are getting an unusual number of sign-ups right now.",
  },
  "signin-ip": {
    points: 100,
    durationSeconds: 15 * 60,
    message: "Too many sign-in attempts from this network.",
  },
  // Per account and address together: a stranger's guesses never spend the owner's attempts.
  "signin-account-ip": {
    points: 10,
    durationSeconds: 15 * 60,
    message: "Too many sign-in attempts for this account.",
  },
  // Per account from everywhere (distributed guessing); a known device of the account is exempt.
  "signin-account": {
    points: 50,
    durationSeconds: 60 * 60,
    message: "Too many sign-in attempts for this account from new devices.",
  },
  "password-change": {
    points: 10,
    durationSeconds: 15 * 60,
    message: "Too many password attempts.",
  },
  "avatar-upload": { points: 30, durationSeconds: 60 * 60, message: "Too many avatar uploads." },
  like: { points: 120, durationSeconds: 60, message: "You are liking very fast." },
  follow: {
    points: 60,
    durationSeconds: 60,
    message: "You are following and unfollowing very fast.",
  },
  comment: { points: 10, durationSeconds: 60, message: "You are commenting very fast." },
  report: {
    points: 20,
    durationSeconds: 60 * 60,
    message: "You have sent many reports this hour.",
  },
  publish: {
    points: 60,
    durationSeconds: 60 * 60,
    message: "You have published a lot in the last hour.",
  },
  // The "Suggest" button may call a paid model: bounded per account.
  suggest: {
    points: 30,
    durationSeconds: 60 * 60,
    message: "You have asked for many suggestions; try again later.",
  },
  // The editor's live preview (one request per pause in typing): generous, but a script cannot
  // turn the server's transpiler and Tailwind compiler into free compute.
  "editor-preview": {
    points: 300,
    durationSeconds: 60,
    message: "The live preview is paused: too many updates in a minute. It resumes shortly.",
  },
  fork: {
    points: 60,
    durationSeconds: 60 * 60,
    message: "Too many forks and syncs in a short time.",
  },
} satisfies Record<string, BucketConfig>;

export type Bucket = keyof typeof BUCKETS;

export type RateLimitResult =
  { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

const limiters = new Map<Bucket, RateLimiterPostgres>();

function limiterFor(bucket: Bucket): RateLimiterPostgres {
  let limiter = limiters.get(bucket);
  if (!limiter) {
    const config: BucketConfig = BUCKETS[bucket];
    limiter = new RateLimiterPostgres({
      storeClient: getPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: bucket,
      points: config.points,
      duration: config.durationSeconds,
    });
    limiters.set(bucket, limiter);
  }
  return limiter;
}

function humanDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Takes one point from `bucket` for `key` (an IP, an email, a user id). When the bucket is empty the
 * answer says how long to wait; callers turn it into a 429 with Retry-After or a form message.
 * Keys are hashed by nothing: callers pass normalised values (lower-case email, IP).
 */
export async function consume(bucket: Bucket, key: string): Promise<RateLimitResult> {
  if (env.RATE_LIMITS === "off") return { ok: true };
  try {
    await limiterFor(bucket).consume(key.slice(0, 200));
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      return {
        ok: false,
        retryAfterSeconds,
        message: `${BUCKETS[bucket].message} Please try again in ${humanDuration(retryAfterSeconds)}.`,
      };
    }
    throw err;
  }
}

/** Puts a point back (e.g. a successful sign-in should not count against the account). */
export async function reward(bucket: Bucket, key: string): Promise<void> {
  if (env.RATE_LIMITS === "off") return;
  await limiterFor(bucket).reward(key.slice(0, 200), 1);
}

/** A 429 for route handlers. */
export function tooManyRequests(result: Extract<RateLimitResult, { ok: false }>): Response {
  return Response.json(
    { error: result.message },
    {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}
