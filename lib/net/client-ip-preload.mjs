// Loaded with `node --import` into the Next.js server process (lib/runner.ts, e2e/run.ts): every HTTP
// server that process creates resolves the client address at the socket (lib/net/forwarded.js)
// before Next.js sees the request. Plain JavaScript: it runs before any TypeScript loader.
import http from "node:http";
import { attachClientIp, parseTrustedProxies } from "./forwarded.js";

const parsed = parseTrustedProxies(process.env.TRUSTED_PROXIES);
if (!parsed.ok)
  throw new Error(`Invalid environment configuration:\n  TRUSTED_PROXIES: ${parsed.message}`);
const trusted = parsed.list;

const createServer = http.createServer;
// @ts-expect-error -- same signature, re-exported
http.createServer = function createServerWithClientIp(...args) {
  const server = createServer.apply(this, args);
  attachClientIp(server, trusted);
  return server;
};
