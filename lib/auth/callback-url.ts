// Open-redirect guard (SECURITY.md rule 13): after sign-in we only ever go to a path on our own
// origin. Anything else — absolute URLs to other hosts, protocol-relative `//evil`, backslash tricks,
// control characters — falls back to "/". Pure, so it is unit-tested and usable anywhere.
const BASE = "http://vitrine.invalid";

/**
 * @param value what the request carried (callbackUrl / redirectTo)
 * @param appOrigin our own origin; an absolute URL on it is reduced to its path
 */
export function safeCallbackPath(value: unknown, appOrigin?: string, fallback = "/"): string {
  if (typeof value !== "string" || value === "" || value.length > 2000) return fallback;
  // Browsers treat "\" like "/", so "/\evil.example" would leave the site; control chars are stripped by URL parsers.
  if (value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let path = value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fallback;
    }
    if (!appOrigin || url.origin !== new URL(appOrigin).origin) return fallback;
    path = `${url.pathname}${url.search}${url.hash}`;
  }
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  const url = new URL(path, BASE);
  if (url.origin !== BASE) return fallback;
  const result = `${url.pathname}${url.search}${url.hash}`;
  // Never send someone back to the auth pages themselves.
  return /^\/(login|signup)(\/|\?|#|$)/.test(result) ? fallback : result;
}
