// Runs scripts/build-preview-runtime.ts in a child process (esbuild + Node's own module loading of
// the vendored packages stay out of the caller). Used by lib/runner.ts, e2e/run.ts and the Vitest setup.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { RUNTIME_DIR } from "../lib/preview/packages/manifest-shape";

const root = path.resolve(import.meta.dirname, "..");

export function previewRuntimeBuilt(): boolean {
  return existsSync(path.join(root, RUNTIME_DIR, "manifest.json"));
}

export function buildPreviewRuntime(): Promise<void> {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [tsx, path.join(root, "scripts", "build-preview-runtime.ts")],
      { cwd: root, stdio: "inherit" },
    );
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error("Building the preview runtime failed (see above).")),
    );
  });
}
