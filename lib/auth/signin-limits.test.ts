// Issue 12 item 7: ten bad passwords from rotating addresses locked a user out for 15 minutes, the
// correct password refused; successful sign-ins were never refunded on Auth.js's endpoint. Limits are
// now per account + address, refunded on success, and a known device is never locked out.
import { describe, expect, it } from "vitest";
import { isKnownDevice, knownDeviceToken, limitSignIn, signInSucceeded } from "@/lib/auth/limits";
import { BUCKETS } from "@/lib/rate-limit";

const attacker = (i: number) => `198.51.100.${i % 250}`;
const at = (email: string, ip: string, knownDevice = false) => ({ email, ip, knownDevice });

describe("sign-in limits", () => {
  it("a stranger's guesses from rotating addresses do not lock the owner out", async () => {
    const email = "victim1@example.test";
    for (let i = 0; i < 12; i++) await limitSignIn(at(email, attacker(i)));
    expect(await limitSignIn(at(email, "203.0.113.1"))).toEqual({ ok: true });
  });

  it("guesses from one address at one account stop after the pair's limit", async () => {
    const email = "victim2@example.test";
    const { points } = BUCKETS["signin-account-ip"];
    for (let i = 0; i < points; i++)
      expect((await limitSignIn(at(email, "198.51.100.77"))).ok).toBe(true);
    const refused = await limitSignIn(at(email, "198.51.100.77"));
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Too many sign-in attempts/),
    });
  });

  it("successful sign-ins give their points back: signing in often never locks anyone out", async () => {
    const attempt = at("frequent@example.test", "203.0.113.2");
    for (let i = 0; i < BUCKETS["signin-account-ip"].points * 3; i++) {
      expect(await limitSignIn(attempt)).toEqual({ ok: true });
      await signInSucceeded(attempt);
    }
  });

  it("distributed guessing locks out new devices, never a known device with the right password", async () => {
    const email = "victim3@example.test";
    for (let i = 0; i < BUCKETS["signin-account"].points + 5; i++)
      await limitSignIn(at(email, `2001:db8::${i.toString(16)}`));
    expect((await limitSignIn(at(email, "203.0.113.3"))).ok).toBe(false);

    const token = knownDeviceToken(email);
    expect(isKnownDevice(token, email)).toBe(true);
    expect(isKnownDevice(token, "someone-else@example.test")).toBe(false);
    expect(isKnownDevice(`${token.split(".")[0]}.forged`, email)).toBe(false);
    expect(await limitSignIn(at(email, "203.0.113.4", isKnownDevice(token, email)))).toEqual({
      ok: true,
    });
  });
});
