import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";

/** The repository root, found from this file so scripts work from any working directory. */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
}

/** Git-ignored local state: the embedded cluster, uploads, the local AUTH_SECRET. */
export function dataDir(): string {
  return path.resolve(projectRoot(), env.VITRINE_DATA_DIR ?? ".data");
}
