import "server-only";
import { headers } from "next/headers";

/**
 * The client's address for per-IP rate limits. `next start` sets x-forwarded-for from the socket;
 * behind a proxy, the proxy must overwrite (not append to) it — the first entry is what we key on.
 */
export function clientIpFrom(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || h.get("x-real-ip") || "unknown").slice(0, 64);
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
