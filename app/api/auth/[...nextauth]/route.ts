import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import {
  KNOWN_DEVICE_COOKIE,
  isKnownDevice,
  limitSignIn,
  signInSucceeded,
} from "@/lib/auth/limits";
import { tooManyRequests } from "@/lib/rate-limit";
import { logger } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import { isCredentialsRefusal, logSignInRefused } from "@/lib/auth/sign-in-log";

// Auth.js's endpoints (CSRF-protected by Auth.js itself). The credentials callback is also reachable
// directly, so it gets the same sign-in rate limits as the /login form, answered with a 429 +
// Retry-After — and, like the form, a successful sign-in gives its points back (it used not to, so
// a person signing in often could lock themself out).
export const GET = handlers.GET;

/** Auth.js answers a good password by setting the session cookie; a bad one by not setting it. */
function signedIn(response: Response): boolean {
  return response.headers
    .getSetCookie()
    .some((c) => /^(__Secure-)?authjs\.session-token=[^;]+/.test(c));
}

export async function POST(request: NextRequest) {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return handlers.POST(request);
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const rawEmail = form?.get("email");
  const email = typeof rawEmail === "string" ? rawEmail : "";
  const attempt = {
    ip: clientIpFrom(request.headers),
    email,
    knownDevice: isKnownDevice(request.cookies.get(KNOWN_DEVICE_COOKIE)?.value, email),
  };
  const log = logger(request.headers.get(REQUEST_ID_HEADER));
  const limited = await limitSignIn(attempt);
  if (!limited.ok) {
    logSignInRefused(log, "rate-limited", attempt.ip);
    return tooManyRequests(limited);
  }
  const response = await handlers.POST(request);
  if (signedIn(response)) await signInSucceeded(attempt);
  else if (isCredentialsRefusal(response)) logSignInRefused(log, "wrong-credentials", attempt.ip);
  return response;
}
