// The one error shape of /api/v1: `{ error: { code, message, fields? } }`, with the status that
// goes with each code. Route handlers never build an error body by hand.
export type ApiErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "idempotency_mismatch"
  | "rate_limited"
  | "busy"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  rate_limited: 429,
  busy: 503,
  internal: 500,
};

export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string; fields?: Record<string, string[]> };
};

export function apiError(
  code: ApiErrorCode,
  message: string,
  options: { fields?: Record<string, string[]>; headers?: HeadersInit; extra?: object } = {},
): Response {
  const headers = new Headers(options.headers);
  headers.set("Cache-Control", "no-store");
  const error = { code, message, ...(options.fields ? { fields: options.fields } : {}) };
  return Response.json({ error, ...options.extra }, { status: STATUS[code], headers });
}

/** Missing and private-of-someone-else answer exactly this, byte for byte. */
export function notFound(): Response {
  return apiError("not_found", "Not found.");
}
