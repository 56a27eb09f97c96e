// The classic half of the preview runtime, for pages that load scripts with <script src>: each
// package's own browser (UMD) build, copied, or an IIFE we bundle where the package has none
// (React 19, three, recharts); KaTeX's stylesheet with its fonts; our own frame runtimes (shim,
// markdown), bundled as IIFEs.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type * as esbuild from "esbuild";
import type { RuntimeManifest } from "../../lib/preview/packages/manifest-shape";
import { PACKAGES } from "../../lib/preview/packages/registry";
import { URL_PREFIX, bundleIife, entryName, files, packageDir, root, writeHashed } from "./output";

/** Maps bare imports of the page's globals (React, THREE) to those globals inside an IIFE. */
const globalsPlugin = (globals: Record<string, string>): esbuild.Plugin => ({
  name: "vitrine-globals",
  setup(build) {
    const filter = new RegExp(
      `^(${Object.keys(globals)
        .map((k) => k.replace(/[/.]/g, "\\$&"))
        .join("|")})$`,
    );
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "global" }));
    build.onLoad({ filter: /.*/, namespace: "global" }, (args) => ({
      contents: `module.exports = ${globals[args.path]};`,
      loader: "js",
    }));
  },
});

const PAGE_GLOBALS: Record<string, Record<string, string>> = {
  "recharts-global.ts": {
    react: "window.React",
    "react-dom": "window.ReactDOM",
    "react/jsx-runtime": "window.__vitrineJsxRuntime",
  },
  "three-addons-global.ts": { three: "window.THREE" },
};

export async function buildClassicScripts(): Promise<RuntimeManifest["umd"]> {
  const umd: RuntimeManifest["umd"] = {};
  for (const pkg of PACKAGES) {
    for (const [id, build] of Object.entries(pkg.umd ?? {})) {
      let content: string;
      if (build.kind === "copy") {
        const dir = packageDir(pkg.name);
        content =
          readFileSync(path.join(dir, build.file), "utf8") +
          (build.append ? `\n${build.append}\n` : "");
      } else {
        const globals = PAGE_GLOBALS[build.source];
        content = await bundleIife(
          path.join(root, "lib/preview/runtime/umd", build.source),
          globals ? [globalsPlugin(globals)] : [],
        );
      }
      (umd[pkg.name] ??= {})[id] = writeHashed(
        `umd/${entryName(pkg.name)}${id === "main" ? "" : `_${id}`}`,
        ".js",
        content,
      );
    }
  }
  return umd;
}

export function copyStylesheets(): RuntimeManifest["css"] {
  const css: RuntimeManifest["css"] = {};
  for (const pkg of PACKAGES) {
    if (!pkg.css) continue;
    const dir = packageDir(pkg.name);
    const sheet = readFileSync(path.join(dir, pkg.css.file));
    const assets = pkg.css.assetsDir ? path.join(dir, pkg.css.assetsDir) : null;
    const digest = createHash("sha256").update(sheet);
    const assetNames = assets ? readdirSync(assets).sort() : [];
    for (const name of assetNames)
      digest.update(name).update(readFileSync(path.join(assets!, name)));
    // One hashed folder: the stylesheet's relative url(fonts/…) keep working as written.
    const folder = `css/${entryName(pkg.name)}-${digest.digest("hex").slice(0, 12)}`;
    mkdirSync(path.join(files, folder), { recursive: true });
    writeFileSync(path.join(files, folder, path.basename(pkg.css.file)), sheet);
    if (assets) {
      mkdirSync(path.join(files, folder, path.basename(assets)), { recursive: true });
      for (const name of assetNames)
        copyFileSync(
          path.join(assets, name),
          path.join(files, folder, path.basename(assets), name),
        );
    }
    css[pkg.name] = `${URL_PREFIX}${folder}/${path.basename(pkg.css.file)}`;
  }
  return css;
}

export async function buildRuntimes(): Promise<RuntimeManifest["runtimes"]> {
  const shim = await bundleIife(path.join(root, "lib/preview/runtime/shim.ts"));
  const markdown = await bundleIife(path.join(root, "lib/preview/runtime/markdown-runtime.ts"));
  return {
    shim: writeHashed("runtime/shim", ".js", shim),
    markdown: writeHashed("runtime/markdown", ".js", markdown),
  };
}
