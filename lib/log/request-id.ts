// The request id that ties every log line of one request together. The proxy keeps a sane id sent
// by a load balancer in front (so its logs and ours join up) and replaces anything else — an
// over-long, multi-line or quoted value would otherwise be written into every log line verbatim.

export const REQUEST_ID_HEADER = "x-request-id";

// Letters, digits and the punctuation common id formats use (UUIDs, nginx's hex, AWS trace ids).
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SANE_REQUEST_ID.test(value);
}

/** The incoming id when it is sane, a fresh UUID otherwise. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return isSaneRequestId(incoming) ? incoming : crypto.randomUUID();
}
