// Issue 12 item 2: per-IP rate limits keyed on a client-chosen X-Forwarded-For were free to bypass
// (rotating it gave unlimited sign-ups). Through a real HTTP server with the same preload the app's
// server process loads, the address the app keys on is the socket's unless a configured proxy
// forwarded the request; and all sign-ups together have a ceiling.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { limitSignUp } from "@/lib/auth/limits";
import { parseTrustedProxies, resolveClientIp } from "@/lib/net/forwarded";
import { BUCKETS } from "@/lib/rate-limit";

let server: http.Server;
let base: string;

beforeAll(async () => {
  delete process.env.TRUSTED_PROXIES;
  await import("@/lib/net/client-ip-preload.mjs"); // patches http.createServer, as in `npm start`
  server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const ip = clientIpFrom(headers);
    const limited = await limitSignUp(ip);
    res.end(JSON.stringify({ ip, ok: limited.ok }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the client address for rate limits", () => {
  it("ignores X-Forwarded-For (and our own header) from a client that is not a trusted proxy", async () => {
    const res = await fetch(base, {
      headers: {
        "X-Forwarded-For": "198.51.100.7",
        "X-Real-IP": "198.51.100.8",
        "X-Vitrine-Client-IP": "198.51.100.9",
      },
    });
    expect(await res.json()).toMatchObject({ ip: "127.0.0.1" });
  });

  it("charges one bucket however the header rotates: sign-up number 31 is refused", async () => {
    const answers = [];
    for (let i = 0; i < BUCKETS["signup-ip"].points + 1; i++) {
      const res = await fetch(base, { headers: { "X-Forwarded-For": `203.0.113.${i}` } });
      answers.push((await res.json()) as { ip: string; ok: boolean });
    }
    expect(new Set(answers.map((a) => a.ip))).toEqual(new Set(["127.0.0.1"]));
    expect(answers.at(-1)).toMatchObject({ ok: false });
  });

  it("believes forwarded hops only through configured proxies, counting from the right", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, ::1");
    if (!trusted.ok) throw new Error(trusted.message);
    // client → (spoofed first entry) → proxy 10.0.0.2 → proxy 10.0.0.1 (socket)
    expect(resolveClientIp("::ffff:10.0.0.1", "6.6.6.6, 192.0.2.44, 10.0.0.2", trusted.list)).toBe(
      "192.0.2.44",
    );
    expect(resolveClientIp("192.0.2.50", "6.6.6.6", trusted.list)).toBe("192.0.2.50");
    expect(resolveClientIp("::1", "not-an-ip", trusted.list)).toBe("::1");
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ ok: false });
  });

  it("caps sign-ups from everyone together", async () => {
    const { points } = BUCKETS["signup-global"];
    let refused = 0;
    // Distinct addresses, each well under its own limit; the global bucket still runs out.
    for (let i = 0; i < points; i++)
      if (!(await limitSignUp(`2001:db8::${i.toString(16)}`)).ok) refused++;
    expect(refused).toBeGreaterThan(0);
  });
});
