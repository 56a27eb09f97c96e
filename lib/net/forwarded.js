// @ts-check
// Whose address is this request from? The answer keys every per-IP rate limit, so a client must not
// be able to choose it. `next start` passes a client-sent X-Forwarded-For through untouched (it only
// fills the header in when absent), so the app cannot tell a proxy's header from a forged one. This
// module decides at the socket instead, in the Node process that accepts the connection
// (lib/net/client-ip-preload.mjs), and hands the app one header it can trust: CLIENT_IP_HEADER.
//
// Forwarded headers are believed only from configured proxies (TRUSTED_PROXIES): starting at the
// socket peer and walking X-Forwarded-For from the right, every hop that is a trusted proxy is
// skipped; the first address that is not is the client. With no proxies configured, it is the socket.
import net from "node:net";

export const CLIENT_IP_HEADER = "x-vitrine-client-ip";

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) → `10.0.0.1`; anything not an address → null. */
export function normalizeIp(/** @type {string | undefined | null} */ value) {
  if (!value) return null;
  let ip = value.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]"));
  if (ip.toLowerCase().startsWith("::ffff:") && net.isIPv4(ip.slice(7))) ip = ip.slice(7);
  return net.isIP(ip) ? ip.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`10.0.0.0/8, ::1`). Returns a BlockList,
 * or a sentence naming the bad entry (lib/env.js turns it into a start-up error).
 * @param {string | undefined} value
 * @returns {{ ok: true, list: net.BlockList, entries: string[] } | { ok: false, message: string }}
 */
export function parseTrustedProxies(value) {
  const list = new net.BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const ip = normalizeIp(address);
    const type = ip && net.isIPv6(ip) ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? (type === "ipv6" ? 128 : 32) : Number(prefix);
    if (
      !ip ||
      !Number.isInteger(bits) ||
      bits < 0 ||
      bits > (type === "ipv6" ? 128 : 32) ||
      (prefix !== undefined && !/^\d+$/.test(prefix))
    ) {
      return {
        ok: false,
        message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1).`,
      };
    }
    list.addSubnet(ip, bits, type);
  }
  return { ok: true, list, entries };
}

/**
 * @param {string | undefined} socketAddress the TCP peer
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {net.BlockList} trusted
 */
export function resolveClientIp(socketAddress, forwardedFor, trusted) {
  let client = normalizeIp(socketAddress);
  if (!client) return "unknown";
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  while (isTrusted(client, trusted) && hops.length > 0) {
    const previous = normalizeIp(hops.pop());
    if (!previous) break; // a garbled hop: stop at the last address a trusted proxy vouched for
    client = previous;
  }
  return client;
}

function isTrusted(/** @type {string} */ ip, /** @type {net.BlockList} */ trusted) {
  return trusted.check(ip, net.isIPv6(ip) ? "ipv6" : "ipv4");
}

/**
 * Runs first for every request on `server`: replaces whatever CLIENT_IP_HEADER the client sent with
 * the address resolved above.
 * @param {import("node:http").Server} server
 * @param {net.BlockList} trusted
 */
export function attachClientIp(server, trusted) {
  server.prependListener("request", (/** @type {import("node:http").IncomingMessage} */ req) => {
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trusted,
    );
  });
}
