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
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import {
  ESM_ALIASES,
  PACKAGES,
  UI_KIT_PREFIX,
  UI_KIT_UTILS,
} from "../lib/preview/packages/registry";
import {
  MANIFEST_VERSION,
  RUNTIME_DIR,
  type RuntimeManifest,
} from "../lib/preview/packages/manifest-shape";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, RUNTIME_DIR);
const files = path.join(out, "files");
const URL_PREFIX = "/sandbox/pkg/";
const requireFromRoot = createRequire(path.join(root, "package.json"));
const uiKitDir = path.join(root, "lib", "preview", "ui-kit");

const common: esbuild.BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  logLevel: "error",
};

// Not require.resolve("x/package.json"): packages with an "exports" map (d3) refuse that sub-path.
function packageDir(name: string): string {
  return path.join(root, "node_modules", ...name.split("/"));
}

function hash(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 12);
}

function writeHashed(name: string, ext: string, content: string | Buffer): string {
  const file = `${name}-${hash(content)}${ext}`;
  writeFileSync(path.join(files, file), content);
  return URL_PREFIX + file;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

/** Whether the file esbuild picked for the browser is an ES module (else CommonJS). */
function isEsmFile(file: string): boolean {
  if (file.endsWith(".mjs")) return true;
  if (file.endsWith(".cjs")) return false;
  for (
    let dir = path.dirname(file);
    dir.startsWith(root) && dir !== root;
    dir = path.dirname(dir)
  ) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const type = (JSON.parse(readFileSync(manifest, "utf8")) as { type?: string }).type;
      if (type === "module") return true;
      break;
    }
  }
  return /^\s*(export\s|import\s)/m.test(readFileSync(file, "utf8"));
}

/**
 * The entry module for one specifier. ES modules re-export everything statically. CommonJS files
 * (react, lodash, papaparse…) get their module.exports keys as named exports (esbuild maps them);
 * a file that needs a DOM to load in Node (p5) gets none, and its default still works.
 */
function entrySource(specifier: string, file: string): string {
  const s = JSON.stringify(specifier);
  const head = `import * as ns from ${s};\n`;
  // `import x from "pkg"`: the package's default, or (CommonJS, or no default) the module itself.
  const tail = `export default (ns.default !== undefined ? ns.default : ns);\n`;
  if (isEsmFile(file)) return `${head}export * from ${s};\n${tail}`;
  let names: string[] = [];
  try {
    const value = requireFromRoot(file) as unknown;
    if (value && (typeof value === "object" || typeof value === "function"))
      names = Object.keys(value);
  } catch {
    names = [];
  }
  names = names.filter(
    (n) => n !== "default" && n !== "__esModule" && IDENTIFIER.test(n) && !RESERVED.has(n),
  );
  return `${head}${names.length ? `export { ${names.join(", ")} } from ${s};\n` : ""}${tail}`;
}

function entryName(specifier: string): string {
  return specifier
    .replace(/^@\//, "")
    .replace(/^@/, "")
    .replace(/\.m?js$/, "")
    .replace(/[^A-Za-z0-9_-]+/g, "_");
}

function uiKitEntries(): Record<string, string> {
  const dir = path.join(uiKitDir, "components");
  const entries: Record<string, string> = {};
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).sort()) {
      const m = /^([a-z0-9-]+)\.tsx?$/.exec(file);
      if (m) entries[UI_KIT_PREFIX + m[1]] = path.join(dir, file);
    }
  }
  const utils = ["utils.ts", "utils.tsx"]
    .map((f) => path.join(uiKitDir, f))
    .find((f) => existsSync(f));
  if (utils) entries[UI_KIT_UTILS] = utils;
  return entries;
}

/** Resolves "@/components/ui/x" and "@/lib/utils" inside the UI kit to its own files. */
const uiKitAliases = (kit: Record<string, string>): esbuild.Plugin => ({
  name: "vitrine-ui-kit",
  setup(build) {
    build.onResolve({ filter: /^@\/(components\/ui\/|lib\/utils$)/ }, (args) =>
      kit[args.path]
        ? { path: kit[args.path] }
        : { errors: [{ text: `${args.path} is not part of the UI kit` }] },
    );
  },
});

async function buildModules(kit: Record<string, string>): Promise<Record<string, string>> {
  const stubs = new Map<string, string | null>();
  for (const pkg of PACKAGES) for (const specifier of pkg.esm) stubs.set(specifier, null);
  for (const [specifier, file] of Object.entries(kit)) {
    const source = readFileSync(file, "utf8");
    const hasDefault = /\bexport\s+default\b/.test(source);
    stubs.set(
      specifier,
      `export * from ${JSON.stringify(file)};\n${hasDefault ? `export { default } from ${JSON.stringify(file)};\n` : ""}`,
    );
  }
  const result = await esbuild.build({
    ...common,
    entryPoints: [...stubs.keys()].map((s) => ({ in: `vitrine-entry:${s}`, out: entryName(s) })),
    format: "esm",
    splitting: true,
    outdir: path.join(files, "esm"),
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    write: true,
    metafile: true,
    plugins: [
      {
        name: "vitrine-entries",
        setup(build) {
          build.onResolve({ filter: /^vitrine-entry:/ }, (args) => ({
            path: args.path.slice("vitrine-entry:".length),
            namespace: "entry",
          }));
          build.onLoad({ filter: /.*/, namespace: "entry" }, async (args) => {
            let contents = stubs.get(args.path);
            if (contents == null) {
              const resolved = await build.resolve(args.path, {
                resolveDir: root,
                kind: "import-statement",
              });
              if (resolved.errors.length) return { errors: resolved.errors };
              contents = entrySource(args.path, resolved.path);
            }
            return { contents, resolveDir: root, loader: "js" };
          });
        },
      },
      uiKitAliases(kit),
    ],
  });
  const imports: Record<string, string> = {};
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const specifier = meta.entryPoint.replace(/^entry:/, "");
    imports[specifier] =
      URL_PREFIX + path.relative(files, path.join(root, file)).split(path.sep).join("/");
  }
  for (const [alias, target] of Object.entries(ESM_ALIASES))
    if (imports[target]) imports[alias] = imports[target];
  return imports;
}

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

async function bundleIife(source: string, plugins: esbuild.Plugin[] = []): Promise<string> {
  const result = await esbuild.build({
    ...common,
    entryPoints: [source],
    format: "iife",
    write: false,
    plugins,
  });
  return result.outputFiles[0]!.text;
}

const PAGE_GLOBALS: Record<string, Record<string, string>> = {
  "recharts-global.ts": {
    react: "window.React",
    "react-dom": "window.ReactDOM",
    "react/jsx-runtime": "window.__vitrineJsxRuntime",
  },
  "three-addons-global.ts": { three: "window.THREE" },
};

async function buildClassicScripts(): Promise<RuntimeManifest["umd"]> {
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

function copyStylesheets(): RuntimeManifest["css"] {
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

async function buildRuntimes(): Promise<RuntimeManifest["runtimes"]> {
  const shim = await bundleIife(path.join(root, "lib/preview/runtime/shim.ts"));
  const markdown = await bundleIife(path.join(root, "lib/preview/runtime/markdown-runtime.ts"));
  return {
    shim: writeHashed("runtime/shim", ".js", shim),
    markdown: writeHashed("runtime/markdown", ".js", markdown),
  };
}

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
