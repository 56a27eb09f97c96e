// `npm run build:preview-runtime` (also run by `npm run build`, lib/runner.ts and e2e/run.ts before
// `next build`): vendors the preview's package set from node_modules into .preview-runtime/, with
// content-hashed file names and a manifest. Nothing is fetched at run time; the preview origin
// serves these files from /sandbox/pkg/… (app/sandbox/pkg/[...path]/route.ts).
//
// - ES modules: one esbuild build with code splitting over every specifier (and the shadcn/ui kit
//   under lib/preview/ui-kit when it exists), so React and every other shared dependency is ONE
//   chunk: a component from recharts and the artifact use the same React.
// - Classic scripts for pages that load UMD builds with <script src>: the package's own browser
//   build, copied, or an IIFE we bundle where the package has none (React 19, three, recharts).
// - KaTeX's stylesheet with its fonts; our own frame runtimes (shim, markdown).
//
// This file writes the manifest; the builds are in scripts/preview-runtime/ (esm-modules.ts,
// classic-scripts.ts, with output.ts shared).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  MANIFEST_VERSION,
  RUNTIME_DIR,
  type RuntimeManifest,
} from "../lib/preview/packages/manifest-shape";
import { PACKAGES, UI_KIT_PREFIX } from "../lib/preview/packages/registry";
import {
  buildClassicScripts,
  buildRuntimes,
  copyStylesheets,
} from "./preview-runtime/classic-scripts";
import { buildModules, uiKitEntries } from "./preview-runtime/esm-modules";
import { files, out, packageDir } from "./preview-runtime/output";

function versions(): Record<string, string> {
  return Object.fromEntries(
    PACKAGES.map((p) => [
      p.name,
      (
        JSON.parse(readFileSync(path.join(packageDir(p.name), "package.json"), "utf8")) as {
          version: string;
        }
      ).version,
    ]),
  );
}

async function main() {
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  for (const dir of ["esm", "umd", "css", "runtime"])
    mkdirSync(path.join(files, dir), { recursive: true });
  const kit = uiKitEntries();
  const [imports, umd, runtimes] = await Promise.all([
    buildModules(kit),
    buildClassicScripts(),
    buildRuntimes(),
  ]);
  const manifest: RuntimeManifest = {
    version: MANIFEST_VERSION,
    packages: versions(),
    imports,
    umd,
    css: copyStylesheets(),
    runtimes,
    uiKit: Object.keys(kit)
      .filter((s) => s.startsWith(UI_KIT_PREFIX))
      .map((s) => s.slice(UI_KIT_PREFIX.length)),
  };
  writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `▸ Preview runtime: ${Object.keys(imports).length} import specifiers, ${Object.values(umd).flatMap(Object.keys).length} classic scripts, ` +
      `${manifest.uiKit.length} UI kit components → ${RUNTIME_DIR}/ in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
