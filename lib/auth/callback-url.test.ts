import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const ORIGIN = "http://localhost:3000";

describe("callbackUrl is same-origin only", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackPath("/new", ORIGIN)).toBe("/new");
    expect(safeCallbackPath("/a/123/diff?from=1&to=2#l4", ORIGIN)).toBe(
      "/a/123/diff?from=1&to=2#l4",
    );
    expect(safeCallbackPath("http://localhost:3000/settings/profile", ORIGIN)).toBe(
      "/settings/profile",
    );
  });

  it("ignores other origins and tricks that leave the site", () => {
    for (const evil of [
      "https://evil.example",
      "https://evil.example/login",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "http://localhost:3001/",
      "http://localhost:3000@evil.example/",
      "/\t/evil.example",
      "evil.example",
      "",
    ]) {
      expect(safeCallbackPath(evil, ORIGIN), evil).toBe("/");
    }
  });

  it("never loops back to the auth pages", () => {
    expect(safeCallbackPath("/login?callbackUrl=/new", ORIGIN)).toBe("/");
    expect(safeCallbackPath("/signup", ORIGIN)).toBe("/");
  });
});
