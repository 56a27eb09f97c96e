import { describe, expect, it } from "vitest";
import {
  MAX_ERROR_LENGTH,
  MAX_FRAME_HEIGHT,
  clampHeight,
  createRateLimiter,
  parseFrameMessage,
  renderMessage,
} from "./messages";

describe("messages from the preview frame", () => {
  it("accepts the protocol's messages", () => {
    expect(parseFrameMessage({ type: "ready" })).toEqual({ type: "ready" });
    expect(parseFrameMessage({ type: "rendered" })).toEqual({ type: "rendered" });
    expect(parseFrameMessage({ type: "pong", id: 3 })).toEqual({ type: "pong", id: 3 });
    expect(
      parseFrameMessage({ type: "error", message: "ReferenceError: x is not defined" }),
    ).toEqual({
      type: "error",
      message: "ReferenceError: x is not defined",
    });
    expect(parseFrameMessage({ type: "resize", height: 640.4 })).toEqual({
      type: "resize",
      height: 640,
    });
    expect(parseFrameMessage({ type: "open-link", url: "https://example.com/a?b=1" })).toEqual({
      type: "open-link",
      url: "https://example.com/a?b=1",
    });
  });

  it("clamps heights a hostile frame reports", () => {
    expect(parseFrameMessage({ type: "resize", height: 1e9 })).toEqual({
      type: "resize",
      height: MAX_FRAME_HEIGHT,
    });
    expect(parseFrameMessage({ type: "resize", height: -50 })).toEqual({
      type: "resize",
      height: 0,
    });
    expect(parseFrameMessage({ type: "resize", height: Number.NaN })).toBeNull();
    expect(parseFrameMessage({ type: "resize", height: Infinity })).toBeNull();
    expect(clampHeight(Number.NaN)).toBe(0);
  });

  it("truncates long error messages", () => {
    const parsed = parseFrameMessage({ type: "error", message: "x".repeat(50_000) });
    expect(parsed?.type === "error" && parsed.message.length).toBe(MAX_ERROR_LENGTH);
  });

  it("drops unknown types, extra fields, wrong types and non-objects", () => {
    for (const data of [
      { type: "open-link", url: "javascript:alert(1)" },
      { type: "open-link", url: "data:text/html,<script>alert(1)</script>" },
      { type: "open-link", url: "https://user:pass@example.com/" },
      { type: "open-link", url: "https://example.com/" + "a".repeat(3000) },
      { type: "navigate", url: "https://evil.test" },
      { type: "ready", cookie: "canary=1" },
      { type: "resize", height: "100" },
      { type: "pong", id: -1 },
      { type: "pong", id: 1.5 },
      { type: "pong" },
      { type: "resize", height: 10, width: 10 },
      { type: "toString" },
      { type: "constructor" },
      [{ type: "ready" }],
      { type: "error", message: { toString: "x" } },
      { type: "error", message: "y".repeat(200_000) },
      JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
      "ready",
      null,
      42,
    ]) {
      expect(parseFrameMessage(data), JSON.stringify(data)).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("messages to the frame", () => {
  it("renders code, or hands over an error found on the server", () => {
    expect(renderMessage({ kind: "svg", code: "<svg/>" })).toEqual({
      type: "render",
      language: "svg",
      code: "<svg/>",
    });
    expect(renderMessage({ kind: "error", message: "no" })).toEqual({
      type: "fail",
      message: "no",
    });
  });
});

describe("createRateLimiter", () => {
  it("allows max events per window, then again in the next window", () => {
    let t = 0;
    const allow = createRateLimiter(3, 1000, () => t);
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
    t = 999;
    expect(allow()).toBe(false);
    t = 1000;
    expect(allow()).toBe(true);
  });
});
