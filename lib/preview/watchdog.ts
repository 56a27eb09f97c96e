// When the live preview is declared "stopped responding". Client-safe and pure, so the rule is
// tested on its own: the frame answers pings; an endless loop never answers again, a slow or busy
// CPU answers late. So the verdict needs both a long silence AND several missed heartbeats in a
// row, counted only on ticks that ran on time (a late tick means this page was starved too, and
// says nothing about the frame). Before the frame's first render it may be parsing large libraries
// (three, mathjs…) on a busy machine: it gets a much longer allowance.

export const PING_EVERY_MS = 1500;
/** Silence after the first render before "stopped": several seconds of no answer at all. */
export const STOPPED_AFTER_MS = 12_000;
/** Silence allowed while the frame is still starting its first render. */
export const STARTING_SILENCE_MS = 45_000;
/** Consecutive on-time ticks without an answer needed as well. */
export const MISSED_BEATS = 6;
/** The frame never said "ready" (its document did not load). */
export const BOOT_TIMEOUT_MS = 30_000;

export type WatchState = {
  bootedAt: number;
  ready: boolean;
  rendered: boolean;
  lastAnswer: number;
  /** Pings sent on time since the last answer. */
  missed: number;
};

export type Verdict = "ok" | "stopped" | "failed";

/**
 * Called on every tick. "late": this page's own timer fired late (the machine is busy), so the
 * tick is no evidence either way and is not counted. "hidden": background tabs throttle timers to
 * once a minute, so silence across that pause means nothing: start counting afresh.
 */
export function watchdogTick(
  state: WatchState,
  now: number,
  tick: "on-time" | "late" | "hidden",
): Verdict {
  if (tick === "hidden") {
    state.lastAnswer = now;
    state.missed = 0;
    return "ok";
  }
  if (tick === "late") return "ok";
  if (!state.ready) return now - state.bootedAt > BOOT_TIMEOUT_MS ? "failed" : "ok";
  state.missed += 1;
  const silence = now - state.lastAnswer;
  const allowed = state.rendered ? STOPPED_AFTER_MS : STARTING_SILENCE_MS;
  return silence > allowed && state.missed >= MISSED_BEATS ? "stopped" : "ok";
}

/** Any valid message from the frame proves it is alive. */
export function watchdogAnswer(state: WatchState, now: number): void {
  state.lastAnswer = now;
  state.missed = 0;
}
