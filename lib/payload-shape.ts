// Payload shape limits, checked before any schema sees the input (server actions, lib/actions.ts,
// and the JSON API, lib/api/http.ts). Kept apart from lib/actions.ts so code that must not load
// next/navigation (the API benchmark) can use them. A 100k-element array used to cost quadratic
// time here (and a 500); prototype keys are refused, never silently dropped.
export const MAX_PAYLOAD_VALUES = 2000;
const MAX_PAYLOAD_DEPTH = 10;
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export class PayloadError extends Error {}

/** Refuses (PayloadError) a value that is nested too deeply, too wide, or carries prototype keys. */
export function checkPayloadShape(value: unknown): void {
  let count = 0;
  const walk = (v: unknown, depth: number) => {
    if (v === null || typeof v !== "object") return;
    if (depth > MAX_PAYLOAD_DEPTH) throw new PayloadError("The request is nested too deeply.");
    const entries = Array.isArray(v)
      ? v.map((item, i) => [String(i), item] as const)
      : Object.entries(v);
    if (!Array.isArray(v)) {
      for (const key of Reflect.ownKeys(v))
        if (typeof key === "string" && FORBIDDEN_KEYS.has(key))
          throw new PayloadError(`Unexpected field: ${key}`);
    }
    count += entries.length;
    if (count > MAX_PAYLOAD_VALUES)
      throw new PayloadError(`The request has too many values (at most ${MAX_PAYLOAD_VALUES}).`);
    for (const [, item] of entries) walk(item, depth + 1);
  };
  walk(value, 0);
}
