import { describe, expect, it } from "vitest";
import { BUCKETS, consume, reward } from "./rate-limit";

// Against the real PostgreSQL store (the rate_limits table from migration 003).
describe("rate limits", () => {
  it("refuses the call after the bucket's limit, with a wait time and a message", async () => {
    const { points } = BUCKETS["signin-account-ip"];
    for (let i = 0; i < points; i++)
      expect(await consume("signin-account-ip", "limited@example.com")).toEqual({ ok: true });
    const refused = await consume("signin-account-ip", "limited@example.com");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(
      BUCKETS["signin-account-ip"].durationSeconds,
    );
    expect(refused.message).toMatch(/too many sign-in attempts.*try again in \d+ minutes?/i);
  });

  it("counts each key separately, and each bucket separately", async () => {
    const { points } = BUCKETS["signin-account-ip"];
    for (let i = 0; i < points; i++) await consume("signin-account-ip", "first@example.com");
    expect((await consume("signin-account-ip", "first@example.com")).ok).toBe(false);
    expect(await consume("signin-account-ip", "second@example.com")).toEqual({ ok: true });
    expect(await consume("signin-ip", "first@example.com")).toEqual({ ok: true });
  });

  it("gives a point back on reward, so successes do not use up the limit", async () => {
    const { points } = BUCKETS["signin-account-ip"];
    for (let i = 0; i < points * 2; i++) {
      expect((await consume("signin-account-ip", "rewarded@example.com")).ok).toBe(true);
      await reward("signin-account-ip", "rewarded@example.com");
    }
  });

  it("is exact under concurrency: exactly `points` of many simultaneous calls pass", async () => {
    const { points } = BUCKETS["signup-ip"];
    const results = await Promise.all(
      Array.from({ length: points + 15 }, () => consume("signup-ip", "203.0.113.9")),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(points);
  });
});
