// Issue 12 items 7 and 13: Auth.js's credentials endpoint is an API-style route, so its sign-in
// limit answers 429 with Retry-After (not a 200 with a message), keyed per account + address.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { limitSignIn } from "@/lib/auth/limits";
import { BUCKETS } from "@/lib/rate-limit";
import { appOrigin } from "@/lib/env";

function credentialsPost(email: string, ip: string) {
  return new NextRequest(`${appOrigin()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-vitrine-client-ip": ip },
    body: new URLSearchParams({ email, password: "wrong-password-123" }),
  });
}

describe("POST /api/auth/callback/credentials", () => {
  it("answers 429 + Retry-After once the account+address limit is spent, and only for that pair", async () => {
    const { POST } = await import("./route");
    const email = "limited-route@example.test";
    for (let i = 0; i < BUCKETS["signin-account-ip"].points; i++)
      await limitSignIn({ email, ip: "198.51.100.200", knownDevice: false });
    const res = await POST(credentialsPost(email, "198.51.100.200"));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /Too many sign-in attempts for this account\. Please try again in/,
    );
    // Another address is not refused by that pair's limit (whatever Auth.js then answers).
    expect((await POST(credentialsPost(email, "198.51.100.201"))).status).not.toBe(429);
  });
});
