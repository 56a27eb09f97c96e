// The bridge between the artifact page (app origin) and the preview frame (opaque origin).
// Everything the frame says is untrusted — artifact code runs in the same realm as the shim and can
// post anything — so the parent parses each message with these strict schemas and drops the rest.
import { z } from "zod";
import type { PreviewKind } from "@/domain/languages";

/** The frame is never shorter than this, whatever its content says. */
export const MIN_FRAME_HEIGHT = 120;
export const MAX_FRAME_HEIGHT = 1600;
export const MAX_ERROR_LENGTH = 500;

/** A reported height, clamped to 0…MAX_FRAME_HEIGHT so a frame can never make the page enormous. */
export function clampHeight(height: number): number {
  if (!Number.isFinite(height)) return 0;
  return Math.min(MAX_FRAME_HEIGHT, Math.max(0, Math.round(height)));
}

const truncated = z
  .string()
  .max(100_000)
  .transform((s) => (s.length > MAX_ERROR_LENGTH ? `${s.slice(0, MAX_ERROR_LENGTH - 1)}…` : s));

export const frameMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }).strict(),
  z.object({ type: z.literal("rendered") }).strict(),
  z.object({ type: z.literal("error"), message: truncated }).strict(),
  z
    .object({ type: z.literal("resize"), height: z.number().finite().transform(clampHeight) })
    .strict(),
  z.object({ type: z.literal("pong"), id: z.number().int().nonnegative() }).strict(),
  z.object({ type: z.literal("open-link"), url: z.string().max(2000).refine(isWebUrl) }).strict(),
]);

/** Only http(s) links may leave the preview (never javascript:, data:, blob: or file:). */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.username === "" &&
      url.password === ""
    );
  } catch {
    return false;
  }
}

export type FrameMessage = z.infer<typeof frameMessageSchema>;

/** Parses one message from the frame; anything malformed or unknown is null (dropped). */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  const parsed = frameMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * What the page hands the frame: code to run, or an error found on the server (e.g. a bad import).
 * `scripts`: classic scripts to load first (p5 for a global-mode sketch); `module`: run JavaScript
 * as an ES module; `missing`: packages outside the preview's set, named in the frame; `css`: the
 * Tailwind stylesheet compiled for a React artifact (HTML pages carry theirs inside the page).
 */
export type RenderExtras = {
  scripts?: string[];
  module?: boolean;
  missing?: string[];
  css?: string;
};
export type PreviewPayload =
  ({ kind: PreviewKind; code: string } & RenderExtras) | { kind: "error"; message: string };

export type ParentMessage =
  | ({ type: "render"; language: PreviewKind; code: string } & RenderExtras)
  | { type: "fail"; message: string }
  | { type: "ping"; id: number };

export function renderMessage(payload: PreviewPayload): ParentMessage {
  if (payload.kind === "error") return { type: "fail", message: payload.message };
  const { kind, ...rest } = payload;
  return { type: "render", language: kind, ...rest };
}

/** At most `max` events per `windowMs` — for error logs a hostile frame could flood. */
export function createRateLimiter(max: number, windowMs: number, now: () => number = Date.now) {
  let windowStart = -Infinity;
  let count = 0;
  return function allow(): boolean {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      count = 0;
    }
    count += 1;
    return count <= max;
  };
}
