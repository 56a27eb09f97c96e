import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER, normalizeIp } from "@/lib/net/forwarded";

/**
 * The client's address for per-IP rate limits: the one resolved at the socket by
 * lib/net/client-ip-preload.mjs (which `npm start`, `npm run dev` and the e2e server load), trusting
 * X-Forwarded-For only from TRUSTED_PROXIES. A client-sent X-Forwarded-For is never read here: under
 * `next start` it passes through untouched, and rotating it bought unlimited sign-ups.
 * Without the preload (a bare `next start`) every request shares one "unknown" bucket — strict, but
 * never spoofable.
 */
export function clientIpFrom(h: Headers): string {
  return normalizeIp(h.get(CLIENT_IP_HEADER)) ?? "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
