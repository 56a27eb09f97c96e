import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { limitSignIn } from "@/lib/auth/limits";
import { tooManyRequests } from "@/lib/rate-limit";

// Auth.js's endpoints (CSRF-protected by Auth.js itself). The credentials callback is also reachable
// directly, so it gets the same sign-in rate limits as the /login form, answered with a 429.
export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = form?.get("email");
    const limited = await limitSignIn(clientIpFrom(request.headers), typeof email === "string" ? email : "");
    if (!limited.ok) return tooManyRequests(limited);
  }
  return handlers.POST(request);
}
