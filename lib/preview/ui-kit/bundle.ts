import path from "node:path";
import { UI_KIT_MODULE_NAMES, UI_KIT_PREFIX, UI_KIT_UTILS_SPECIFIER } from "./modules";

// The kit as browser ES modules, built in ONE esbuild run with code splitting: every module is an
// entry (`components/card.js`, `utils.js`) and what they share — Radix's internals, floating-ui,
// react-remove-scroll, tailwind-merge — lands once in `chunks/`. One copy matters beyond bytes:
// Radix keeps module-level state (the stack of focus scopes and dismissable layers, the scroll
// lock), so a Select or DropdownMenu inside a Dialog only works when both use the same copy;
// bundling each file on its own gives each its own copy and they fight over focus.
//
// React stays outside (`react`, `react-dom`, `react/jsx-runtime`), answered by the frame's import
// map. Outputs import each other by relative URL ("../chunks/chunk-X.js"), so they must be served
// under one base URL with the same layout.

export type UiKitBundle = {
  /** Import specifier → output path: "@/components/ui/card" → "components/card.js", "@/lib/utils" → "utils.js". */
  entries: Record<string, string>;
  /** Output path → JavaScript (entries and shared chunks). */
  files: Map<string, string>;
  /** The bare imports the outputs leave to the import map. */
  external: readonly string[];
};

export const UI_KIT_EXTERNAL = [
  "react",
  "react-dom",
  "react/jsx-runtime",
  "react-dom/client",
] as const;

export async function bundleUiKit(kitDir = import.meta.dirname): Promise<UiKitBundle> {
  const esbuild = await import("esbuild");
  const entryPoints: Record<string, string> = { utils: path.join(kitDir, "utils.ts") };
  for (const name of UI_KIT_MODULE_NAMES) {
    entryPoints[`components/${name}`] = path.join(kitDir, "components", `${name}.tsx`);
  }
  const outdir = path.join(kitDir, ".out"); // virtual: write is false
  const result = await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    minify: true,
    write: false,
    chunkNames: "chunks/[name]-[hash]",
    external: [...UI_KIT_EXTERNAL],
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "silent",
  });
  const files = new Map<string, string>();
  for (const file of result.outputFiles) {
    files.set(path.relative(outdir, file.path).split(path.sep).join("/"), file.text);
  }
  const entries: Record<string, string> = { [UI_KIT_UTILS_SPECIFIER]: "utils.js" };
  for (const name of UI_KIT_MODULE_NAMES)
    entries[`${UI_KIT_PREFIX}${name}`] = `components/${name}.js`;
  return { entries, files, external: UI_KIT_EXTERNAL };
}
