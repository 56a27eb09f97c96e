import { describe, expect, it } from "vitest";
import {
  MISSED_BEATS,
  PING_EVERY_MS,
  STARTING_SILENCE_MS,
  STOPPED_AFTER_MS,
  watchdogAnswer,
  watchdogTick,
  type WatchState,
} from "./watchdog";

function fresh(): WatchState {
  return { bootedAt: 0, ready: true, rendered: true, lastAnswer: 0, missed: 0 };
}

/** Ticks every PING_EVERY_MS from `from` until the verdict changes or `until`; returns when it changed. */
function runUntil(
  state: WatchState,
  from: number,
  until: number,
  answerEvery: number | null,
  late = (_t: number) => false,
) {
  for (let t = from + PING_EVERY_MS; t <= until; t += PING_EVERY_MS) {
    if (answerEvery && t % answerEvery < PING_EVERY_MS) watchdogAnswer(state, t);
    const verdict = watchdogTick(state, t, late(t) ? "late" : "on-time");
    if (verdict !== "ok") return { verdict, at: t };
  }
  return { verdict: "ok" as const, at: until };
}

describe("the preview watchdog", () => {
  it("declares an endless loop stopped after a long silence with many missed beats", () => {
    const result = runUntil(fresh(), 0, 60_000, null);
    expect(result.verdict).toBe("stopped");
    expect(result.at).toBeGreaterThan(STOPPED_AFTER_MS);
    expect(result.at).toBeLessThan(STOPPED_AFTER_MS + 2 * PING_EVERY_MS);
  });

  it("keeps a slow frame that answers every 8 s (a busy CPU) alive", () => {
    expect(runUntil(fresh(), 0, 120_000, 8000).verdict).toBe("ok");
  });

  it("gives a frame that has not rendered yet (loading libraries) far longer", () => {
    const starting = { ...fresh(), rendered: false };
    expect(runUntil(starting, 0, STARTING_SILENCE_MS, null).verdict).toBe("ok");
    expect(
      runUntil(starting, STARTING_SILENCE_MS, STARTING_SILENCE_MS + 10_000, null).verdict,
    ).toBe("stopped");
  });

  it("on a starved page (two ticks in three late) keeps a slow frame and still catches a loop", () => {
    const starved = (t: number) => Math.round(t / PING_EVERY_MS) % 3 !== 0;
    expect(runUntil(fresh(), 0, 120_000, 10_500, starved).verdict).toBe("ok");
    const loop = runUntil(fresh(), 0, 120_000, null, starved);
    expect(loop.verdict).toBe("stopped");
    expect(loop.at).toBeGreaterThanOrEqual(MISSED_BEATS * 3 * PING_EVERY_MS - 2 * PING_EVERY_MS);
  });

  it("starts counting afresh after the tab was hidden", () => {
    const state = fresh();
    expect(runUntil(state, 0, 9000, null).verdict).toBe("ok");
    expect(watchdogTick(state, 70_000, "hidden")).toBe("ok");
    expect(runUntil(state, 70_000, 70_000 + STOPPED_AFTER_MS, null).verdict).toBe("ok");
  });

  it("says the frame failed when it never became ready", () => {
    const booting = { ...fresh(), ready: false };
    expect(runUntil(booting, 0, 60_000, null).verdict).toBe("failed");
  });
});
