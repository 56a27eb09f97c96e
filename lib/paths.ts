import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { env } from "@/lib/env";

/** The repository root, found from this file so scripts work from any working directory. */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
}

/** Git-ignored local state: the embedded cluster, uploads, the local AUTH_SECRET. */
export function dataDir(): string {
  return path.resolve(projectRoot(), env.VITRINE_DATA_DIR ?? ".data");
}

/**
 * NODE_OPTIONS for a Next.js server process: loads lib/net/client-ip-preload.mjs, which resolves the
 * client address at the socket (per-IP rate limits must not trust a client-sent X-Forwarded-For).
 */
export function nextServerNodeOptions(): string {
  const preload = pathToFileURL(
    path.join(projectRoot(), "lib", "net", "client-ip-preload.mjs"),
  ).href;
  return [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(" ");
}
