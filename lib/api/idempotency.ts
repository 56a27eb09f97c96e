import "server-only";
import { createHash } from "node:crypto";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from "@/db/queries/idempotency";
import { IDEMPOTENCY_KEY } from "@/domain/validation/api";
import { apiError } from "./errors";

// `Idempotency-Key` on creates: the same key with the same body gets the first answer again (and
// nothing is created twice); the same key with another body is a 422. Kept 24 hours.

/** A stable key derived from the client's, for the create functions' own replay protection. */
export function derivedKey(userId: string, key: string, kind: string): string {
  return createHash("sha256")
    .update(`${kind}\u0000${userId}\u0000${key}`)
    .digest("hex")
    .slice(0, 32);
}

/** The same, shaped as a UUID (publish stores its key as one). */
export function derivedUuid(userId: string, key: string, kind: string): string {
  const h = derivedKey(userId, key, kind);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Runs `create` under the request's Idempotency-Key (when it has one). `create` receives the key
 * (or null) so it can pass a derived key to the query's own replay protection.
 */
export async function withIdempotency(
  request: Request,
  userId: string,
  rawBody: string,
  create: (key: string | null) => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return create(null);
  if (!IDEMPOTENCY_KEY.test(key))
    return apiError(
      "bad_request",
      "Idempotency-Key must be 1 to 200 printable ASCII characters (a UUID is a good choice).",
    );
  const url = new URL(request.url);
  const hash = createHash("sha256")
    .update(`${request.method} ${url.pathname}\n${rawBody}`)
    .digest("hex");
  const claim = await claimIdempotencyKey(userId, key, hash);
  if (claim.state === "mismatch")
    return apiError(
      "idempotency_mismatch",
      "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
    );
  if (claim.state === "in-progress")
    return apiError("conflict", "A request with this Idempotency-Key is still in progress.", {
      headers: { "Retry-After": "1" },
    });
  if (claim.state === "replay")
    return Response.json(claim.response, {
      status: claim.status,
      headers: { "Idempotent-Replayed": "true", "Cache-Control": "private, no-store" },
    });
  let response: Response;
  try {
    response = await create(key);
  } catch (err) {
    await releaseIdempotencyKey(userId, key);
    throw err;
  }
  // Our own failures (5xx, 429) are not the answer to this request: the client may retry.
  if (response.status >= 500 || response.status === 429) {
    await releaseIdempotencyKey(userId, key);
    return response;
  }
  const body: unknown = await response.clone().json();
  await completeIdempotencyKey(userId, key, response.status, body);
  return response;
}
