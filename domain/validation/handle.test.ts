import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HANDLE_MAX, RESERVED_HANDLES, normalizeHandle } from "./handle";

function refused(input: unknown): string {
  const result = normalizeHandle(input);
  if (result.ok) throw new Error(`${JSON.stringify(input)} was accepted as ${result.handle}`);
  return result.message;
}

describe("handle rules", () => {
  it("accepts a-z 0-9 _ - of 3 to 30 characters and stores them lower-case", () => {
    expect(normalizeHandle("ada")).toEqual({ ok: true, handle: "ada" });
    expect(normalizeHandle("Ada_Lovelace-1815")).toEqual({ ok: true, handle: "ada_lovelace-1815" });
    expect(normalizeHandle("  grace  ")).toEqual({ ok: true, handle: "grace" });
    expect(normalizeHandle("x".repeat(HANDLE_MAX))).toEqual({
      ok: true,
      handle: "x".repeat(HANDLE_MAX),
    });
  });

  it("names the limit for too short and too long handles", () => {
    expect(refused("ab")).toMatch(/at least 3 characters/);
    expect(refused("x".repeat(31))).toMatch(/at most 30 characters/);
    expect(refused("")).toMatch(/choose a handle/i);
  });

  it("refuses spaces, path tricks and characters outside the set", () => {
    expect(refused("ada lovelace")).toMatch(/spaces/);
    expect(refused("../admin")).toMatch(/only the letters a–z/);
    expect(refused("ada.lovelace")).toMatch(/only the letters a–z/);
    expect(refused("adá")).toMatch(/only the letters a–z/);
    expect(refused("аdmin")).toMatch(/only the letters a–z/); // Cyrillic а: a confusable
    expect(refused("<script>")).toMatch(/only the letters a–z/);
    expect(refused("___")).toMatch(/letter or digit/);
  });

  it("refuses NUL bytes, zero-width and right-to-left control characters with a clear message", () => {
    expect(refused("ada\u0000x")).toMatch(/NUL/);
    expect(refused("ad\u200Ba")).toMatch(/invisible or right-to-left/);
    expect(refused("ada\u202Egnp")).toMatch(/invisible or right-to-left/);
    expect(refused("\uFEFFada")).toMatch(/invisible or right-to-left/);
    expect(refused("ada\u2066x")).toMatch(/invisible or right-to-left/);
  });

  it("refuses reserved words in any case", () => {
    for (const word of [
      "admin",
      "ADMIN",
      "api",
      "settings",
      "new",
      "u",
      "a",
      "login",
      "signup",
      "sandbox",
      "explore",
    ]) {
      if (word.length >= 3) expect(refused(word)).toMatch(/reserved/);
      expect(RESERVED_HANDLES.has(word.toLowerCase())).toBe(true);
    }
  });

  it("reserves every top-level route in app/", () => {
    const appDir = path.resolve(import.meta.dirname, "../../app");
    const segments = new Set<string>();
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (!statSync(full).isDirectory()) continue;
        if (name.startsWith("(") && name.endsWith(")")) visit(full);
        else if (!name.startsWith("[") && !name.startsWith("_") && !name.startsWith("@"))
          segments.add(name.toLowerCase());
      }
    };
    visit(appDir);
    expect(segments.size).toBeGreaterThan(3);
    expect(
      [...segments].filter((s) => !RESERVED_HANDLES.has(s)),
      "add these to RESERVED_HANDLES",
    ).toEqual([]);
  });

  it("refuses non-strings", () => {
    expect(refused(undefined)).toMatch(/choose a handle/i);
    expect(refused(["ada"])).toMatch(/choose a handle/i);
  });
});
