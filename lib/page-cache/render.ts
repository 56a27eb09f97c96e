import http from "node:http";
import { randomBytes } from "node:crypto";
import { appOrigin, env } from "@/lib/env";
import { PAGE_RENDER_HEADER } from "./routes";

// A cache miss renders the page by asking this very server for it over loopback, marked with a
// per-process secret: the marked request goes through proxy.ts like any other (security headers,
// nonce, embed header) but carries no cookie, so what comes back is the anonymous page.

/** Per process: the loopback request and the proxy that recognises it are in the same process. */
export const RENDER_SECRET = randomBytes(24).toString("base64url");

const RENDER_TIMEOUT_MS = 20_000;

export type Rendered = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function loopbackHost(): string {
  const host = env.HOST;
  return !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
}

/** GETs `key` (path + query) from this server as an anonymous visitor; null when over `maxBytes`. */
export function renderOverLoopback(
  key: string,
  requestId: string,
  maxBytes: number,
): Promise<Rendered | null> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: loopbackHost(),
        port: env.PORT,
        path: key,
        method: "GET",
        timeout: RENDER_TIMEOUT_MS,
        // A connection per render, closed after it: no pooled keep-alive socket to ourselves is left
        // open for a stopping server to wait on.
        agent: false,
        headers: {
          host: new URL(appOrigin()).host,
          accept: "text/html,application/xhtml+xml,*/*;q=0.8",
          "accept-encoding": "identity",
          connection: "close",
          "user-agent": "vitrine-page-cache",
          "x-request-id": requestId,
          [PAGE_RENDER_HEADER]: RENDER_SECRET,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            resolve(null);
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 500,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("page render timed out")));
    req.on("error", reject);
    req.end();
  });
}
