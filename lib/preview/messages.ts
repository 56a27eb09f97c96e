// The bridge between the artifact page (app origin) and the preview frame (opaque origin).
// Everything the frame says is untrusted — artifact code runs in the same realm as the shim and can
// post anything — so the parent parses each message strictly (parseFrameMessage) and drops the rest.
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

export type FrameMessage =
  | { type: "ready" }
  | { type: "rendered" }
  | { type: "error"; message: string }
  | { type: "resize"; height: number }
  | { type: "pong"; id: number }
  | { type: "open-link"; url: string };

/** The fields each message type carries besides `type`: any other field makes it invalid. */
const FIELDS: Record<FrameMessage["type"], string[]> = {
  ready: [],
  rendered: [],
  error: ["message"],
  resize: ["height"],
  pong: ["id"],
  "open-link": ["url"],
};

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

/**
 * Parses one message from the frame; anything malformed or unknown is null (dropped): an unknown
 * type, a missing or extra field (own keys only, `__proto__` included), a field of the wrong type.
 * Written out instead of a zod schema so the artifact page's client JavaScript carries no zod.
 */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  if (typeof record.type !== "string" || !Object.hasOwn(FIELDS, record.type)) return null;
  const type = record.type as FrameMessage["type"];
  const fields = FIELDS[type];
  const keys = Object.keys(record);
  if (keys.length !== fields.length + 1 || !fields.every((f) => Object.hasOwn(record, f)))
    return null;
  switch (type) {
    case "ready":
    case "rendered":
      return { type };
    case "error": {
      const m = record.message;
      if (typeof m !== "string" || m.length > 100_000) return null;
      return {
        type,
        message: m.length > MAX_ERROR_LENGTH ? `${m.slice(0, MAX_ERROR_LENGTH - 1)}…` : m,
      };
    }
    case "resize": {
      const h = record.height;
      return typeof h === "number" && Number.isFinite(h) ? { type, height: clampHeight(h) } : null;
    }
    case "pong": {
      const id = record.id;
      return typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? { type, id } : null;
    }
    case "open-link": {
      const url = record.url;
      return typeof url === "string" && url.length <= 2000 && isWebUrl(url) ? { type, url } : null;
    }
  }
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
