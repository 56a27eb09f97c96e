import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import {
  BUSY_MESSAGE,
  BUSY_RETRY_AFTER_SECONDS,
  UNAVAILABLE_MESSAGE,
  isBusy,
  isDatabaseUnavailable,
} from "@/db/busy";
import { checkPayloadShape } from "@/lib/payload-shape";
import { logger } from "@/lib/log";
import type { RateLimitResult } from "@/lib/rate-limit";
import { apiError } from "./errors";

// The plumbing every /api/v1 route shares: reading a JSON body within limits, turning zod's
// refusals into `fields`, JSON answers with ETag/If-None-Match, and the catch-all that makes an
// overload a 503 and anything unexpected a JSON 500 (never an HTML page or a stack trace).

/** The largest body any endpoint takes: 1 MB of code + 2 MB of chat, JSON-escaped, with room. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type Parsed<T> = { ok: true; data: T; raw: string } | { ok: false; response: Response };

/** The request body as bytes, or null when it is larger than `max` (declared or actually sent). */
export async function readBytes(request: Request, max: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The request body as UTF-8 text, or null when it is larger than `max`. */
async function readLimited(request: Request, max: number): Promise<string | null> {
  const bytes = await readBytes(request, max);
  return bytes === null ? null : Buffer.from(bytes).toString("utf8");
}

function fieldsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    (fields[key] ??= []).push(
      issue.code === "unrecognized_keys"
        ? `Unexpected field: ${issue.keys.join(", ")}`
        : issue.message,
    );
  }
  return fields;
}

/** Zod's refusal as a 422 naming each field, led by the first sentence. */
export function validationError(error: z.ZodError): Response {
  const fields = fieldsOf(error);
  return apiError("validation_failed", Object.values(fields).flat()[0] ?? "Check the request.", {
    fields,
  });
}

/**
 * The request's JSON body parsed by `schema`: 415 unless it is JSON, 413 over `max`, 400 when it
 * does not parse or is too deep or too wide, 422 with `fields` when the schema refuses it. `loose`
 * names fields whose size the schema itself bounds (a chat transcript) and the shape check skips.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { max = MAX_BODY_BYTES, loose = [] as string[] } = {},
): Promise<Parsed<z.infer<S>>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type))
    return {
      ok: false,
      response: apiError(
        "unsupported_media_type",
        "Send the body as JSON (Content-Type: application/json).",
      ),
    };
  const raw = await readLimited(request, max);
  if (raw === null)
    return {
      ok: false,
      response: apiError(
        "payload_too_large",
        `The request body is larger than ${max / 1024 / 1024} MB.`,
      ),
    };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, response: apiError("bad_request", "The request body is not valid JSON.") };
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    return {
      ok: false,
      response: apiError("bad_request", "The request body must be a JSON object."),
    };
  try {
    const shaped = Object.fromEntries(Object.entries(json).filter(([key]) => !loose.includes(key)));
    checkPayloadShape(shaped);
  } catch (err) {
    return { ok: false, response: apiError("bad_request", (err as Error).message) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: validationError(parsed.error) };
  return { ok: true, data: parsed.data, raw };
}

/** A JSON answer that is never cached by shared caches (it depends on the token). */
export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Cache-Control", "private, no-store");
  h.set("Vary", "Authorization");
  return Response.json(data, { status, headers: h });
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  // Weak comparison (RFC 9110 §13.1.2): W/"x" and "x" match.
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => strip(t) === strip(etag));
}

/**
 * A read: 200 with a strong ETag (a hash of the exact body), or 304 when If-None-Match names it.
 * `no-cache` lets clients keep it and revalidate; Vary keeps one viewer's answer from another.
 */
export function readResponse(request: Request, data: unknown): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "private, no-cache",
    Vary: "Authorization",
  };
  if (etagMatches(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json" },
  });
}

export function rateLimited(result: Extract<RateLimitResult, { ok: false }>): Response {
  return apiError("rate_limited", result.message, {
    headers: { "Retry-After": String(result.retryAfterSeconds) },
  });
}

/** Wraps a route handler: overload → 503 + Retry-After; anything unexpected → a JSON 500, logged. */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isBusy(err))
        return apiError("busy", BUSY_MESSAGE, {
          headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) },
        });
      // A restart or an unreachable database: nothing was saved, try again (never a 500).
      if (isDatabaseUnavailable(err))
        return apiError("busy", UNAVAILABLE_MESSAGE, {
          headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) },
        });
      logger().error({ err }, "API request failed unexpectedly");
      return apiError("internal", "Something went wrong on our side. Please try again.");
    }
  };
}
