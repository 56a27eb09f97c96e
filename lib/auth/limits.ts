import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { consume, reward, type RateLimitResult } from "@/lib/rate-limit";

// Sign-in and sign-up limits, shared by the form actions and Auth.js's own HTTP endpoint.
//
// Sign-in (issue 12 item 7): ten bad passwords from rotating addresses used to lock the account for
// everyone, its owner included. Now the tight limit is per account AND address together, so a
// stranger's guesses never spend the owner's attempts; a looser per-account limit across all
// addresses stops distributed guessing, and a browser that signed in to the account before (a signed
// "known device" cookie) is exempt from that one, so the right password from a known-good device is
// never locked out. Every point is given back on success: the limits count failures only.

export const KNOWN_DEVICE_COOKIE = "vitrine.device";
export const KNOWN_DEVICE_MAX_AGE = 365 * 24 * 60 * 60;

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function signature(email: string, nonce: string): string {
  return createHmac("sha256", env.AUTH_SECRET ?? "vitrine-dev-secret")
    .update(`known-device:${accountKey(email)}:${nonce}`)
    .digest("base64url");
}

/** A cookie value that proves this browser signed in to `email` before. */
export function knownDeviceToken(email: string): string {
  const nonce = randomBytes(12).toString("base64url");
  return `${nonce}.${signature(email, nonce)}`;
}

export function isKnownDevice(token: string | null | undefined, email: string): boolean {
  if (!token || token.length > 200) return false;
  const [nonce, sig] = token.split(".");
  if (!nonce || !sig) return false;
  const expected = Buffer.from(signature(email, nonce));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

type Attempt = { ip: string; email: string; knownDevice: boolean };

export async function limitSignIn({ ip, email, knownDevice }: Attempt): Promise<RateLimitResult> {
  const byIp = await consume("signin-ip", ip);
  if (!byIp.ok) return byIp;
  const byPair = await consume("signin-account-ip", `${accountKey(email)}|${ip}`);
  if (!byPair.ok) return byPair;
  return knownDevice ? { ok: true } : consume("signin-account", accountKey(email));
}

/** Gives back what limitSignIn took for this attempt (same arguments). */
export async function signInSucceeded({ ip, email, knownDevice }: Attempt): Promise<void> {
  await Promise.all([
    reward("signin-ip", ip),
    reward("signin-account-ip", `${accountKey(email)}|${ip}`),
    knownDevice ? Promise.resolve() : reward("signin-account", accountKey(email)),
  ]);
}

/** Per address (as resolved at the socket, lib/auth/client-ip.ts), then for everyone together. */
export async function limitSignUp(ip: string): Promise<RateLimitResult> {
  const byIp = await consume("signup-ip", ip);
  if (!byIp.ok) return byIp;
  return consume("signup-global", "all");
}
