// The ES-module half of the preview runtime: one esbuild build with code splitting over every
// specifier (and the shadcn/ui kit under lib/preview/ui-kit when it exists), so React and every
// other shared dependency is ONE chunk: a component from recharts and the artifact use the same React.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import {
  ESM_ALIASES,
  PACKAGES,
  UI_KIT_PREFIX,
  UI_KIT_UTILS,
} from "../../lib/preview/packages/registry";
import { URL_PREFIX, common, entryName, files, root } from "./output";

const requireFromRoot = createRequire(path.join(root, "package.json"));
const uiKitDir = path.join(root, "lib", "preview", "ui-kit");

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

export function uiKitEntries(): Record<string, string> {
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

export async function buildModules(kit: Record<string, string>): Promise<Record<string, string>> {
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
