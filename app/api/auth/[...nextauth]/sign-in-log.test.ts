// Expected sign-in failures (a wrong password, the rate limit) are ONE info line under the request's
// id — not Auth.js's red "[auth][error] CredentialsSignin" with a stack.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { limitSignIn } from "@/lib/auth/limits";
import { BUCKETS } from "@/lib/rate-limit";
import { appOrigin } from "@/lib/env";
import { logLinesDuring } from "@/lib/log/capture.test-helper";

// Auth.js only gets as far as checking the password with a secret (read when lib/env is imported).
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "sign-in-log-test-secret-0123456789abcdef";
});

/** A CSRF token and its cookie, as a browser gets them before posting the sign-in form. */
async function csrf(GET: (r: NextRequest) => Promise<Response>) {
  const res = await GET(new NextRequest(`${appOrigin()}/api/auth/csrf`));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { csrfToken, cookie };
}

function credentialsPost(
  email: string,
  ip: string,
  requestId: string,
  { csrfToken, cookie }: { csrfToken: string; cookie: string },
) {
  return new NextRequest(`${appOrigin()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-vitrine-client-ip": ip,
      "x-request-id": requestId,
      cookie,
    },
    body: new URLSearchParams({ email, password: "wrong-password-123", csrfToken }),
  });
}

describe("sign-in failure logs", () => {
  it("logs a wrong password as one info line with the request id and no stack", async () => {
    const { GET, POST } = await import("./route");
    const token = await csrf(GET);
    let status = 0;
    const lines = await logLinesDuring(async () => {
      const res = await POST(
        credentialsPost("nobody-log@example.test", "198.51.100.210", "req-wrong-pw", token),
      );
      status = res.status;
      expect(res.headers.get("location")).toMatch(/error=CredentialsSignin/);
    });
    expect(status).toBe(302);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/stack|"err"/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "info",
      msg: "sign-in refused",
      reason: "wrong-credentials",
      requestId: "req-wrong-pw",
      ip: "198.51.100.210",
    });
    expect(lines[0]).not.toContain("nobody-log@example.test");
  });

  it("logs a rate-limited attempt as one info line", async () => {
    const { GET, POST } = await import("./route");
    const email = "limited-log@example.test";
    for (let i = 0; i < BUCKETS["signin-account-ip"].points; i++)
      await limitSignIn({ email, ip: "198.51.100.211", knownDevice: false });
    const token = await csrf(GET);
    const lines = await logLinesDuring(async () => {
      const res = await POST(credentialsPost(email, "198.51.100.211", "req-limited", token));
      expect(res.status).toBe(429);
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "info",
      reason: "rate-limited",
      requestId: "req-limited",
    });
    expect(lines[0]).not.toMatch(/stack/);
  });
});
