import "server-only";
import { consume, reward, type RateLimitResult } from "@/lib/rate-limit";

// Sign-in and sign-up limits, shared by the form actions and Auth.js's own HTTP endpoint.
// Sign-in points are given back on success, so the limits count failures (credential stuffing),
// never a person signing in many times.

export async function limitSignIn(ip: string, email: string): Promise<RateLimitResult> {
  const byIp = await consume("signin-ip", ip);
  if (!byIp.ok) return byIp;
  return consume("signin-email", email.trim().toLowerCase());
}

export async function signInSucceeded(ip: string, email: string): Promise<void> {
  await Promise.all([reward("signin-ip", ip), reward("signin-email", email.trim().toLowerCase())]);
}

/** Per address (as resolved at the socket, lib/auth/client-ip.ts), then for everyone together. */
export async function limitSignUp(ip: string): Promise<RateLimitResult> {
  const byIp = await consume("signup-ip", ip);
  if (!byIp.ok) return byIp;
  return consume("signup-global", "all");
}
