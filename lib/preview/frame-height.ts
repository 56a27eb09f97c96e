// How tall the preview frame is, given what its content reports. Pure, so it is unit-tested.
import { fitsContentHeight } from "@/domain/languages";
import { MIN_FRAME_HEIGHT, type PreviewPayload } from "./messages";

export const DEFAULT_HEIGHT = 480;
export const APP_MIN_HEIGHT = 240;
export const APP_MAX_HEIGHT = 800;

export function initialFrameHeight(kind: PreviewPayload["kind"]): number {
  if (kind === "error") return 200;
  return kind === "markdown" ? 240 : DEFAULT_HEIGHT;
}

/**
 * The frame's next height after the content reports `reported` px (already clamped by the schema).
 * Documents (Markdown) fit their content. SVGs keep their box: they scale to it. Apps follow their
 * content between a floor and a ceiling, but ignore changes within a few dozen pixels of the
 * current height — a page sized to 100vh (plus a margin) would otherwise chase the frame's own
 * height up or down forever. Next to no in-flow content means absolutely positioned layout (a
 * canvas sized to the window): keep the default box rather than collapse it.
 */
export function nextFrameHeight(
  kind: PreviewPayload["kind"],
  current: number,
  reported: number,
): number {
  if (kind === "error" || kind === "svg") return current;
  if (fitsContentHeight(kind)) return Math.max(MIN_FRAME_HEIGHT, reported);
  if (Math.abs(reported - current) <= 40) return current;
  if (reported < 60) return DEFAULT_HEIGHT;
  return Math.min(APP_MAX_HEIGHT, Math.max(APP_MIN_HEIGHT, reported));
}
