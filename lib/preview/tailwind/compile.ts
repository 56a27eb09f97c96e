import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Scanner } from "@tailwindcss/oxide";
import { compile, type Config } from "tailwindcss";

// Tailwind v4's own compiler, run on the server over the classes one artifact uses. The input is
// the default theme + preflight + utilities (what Claude's artifacts assume), optionally followed by
// the artifact's own Tailwind CSS (`<style type="text/tailwindcss">`: @theme, @apply, @layer) and a
// play-CDN `tailwind.config` read as data. Nothing the artifact writes can reach the file system or
// load code: @import resolves only Tailwind's own stylesheets, and @plugin/@config are refused
// except for the one config object we pass in ourselves and Tailwind's official plugins that the
// play CDN offers (`?plugins=forms,typography`), vendored from npm.

export type TailwindSource = { content: string; extension: string };

export type TailwindInput = {
  /** Files whose class candidates are compiled (the artifact, kit components it imports). */
  sources: TailwindSource[];
  /** Tailwind CSS appended after the framework (kit theme, the artifact's text/tailwindcss). */
  css?: string;
  /** A play-CDN `tailwind.config` object (v3 shape), already read as plain data. */
  config?: Record<string, unknown> | null;
  /** Without preflight: for kit-only compiles that must not reset a page's own styles. */
  preflight?: boolean;
  /** Official plugins the page asked for (`@tailwindcss/forms`, `@tailwindcss/typography`). */
  plugins?: string[];
};

// The plugins the play CDN loads with `?plugins=`; the others it offered (aspect-ratio,
// line-clamp, container-queries) are part of Tailwind v4 itself.
const OFFICIAL_PLUGINS: Record<string, () => Promise<Config>> = {
  "@tailwindcss/forms": async () => (await import("@tailwindcss/forms")).default as Config,
  "@tailwindcss/typography": async () =>
    (await import("@tailwindcss/typography")).default as Config,
};

export function isOfficialPlugin(id: string): boolean {
  return Object.hasOwn(OFFICIAL_PLUGINS, id);
}

const CONFIG_ID = "vitrine:play-cdn-config";
const TAILWIND_FILES = new Set(["index.css", "theme.css", "preflight.css", "utilities.css"]);
// Stylesheets of npm packages the UI kit's theme imports (shadcn's animations), by import id.
const PACKAGE_STYLESHEETS: Record<string, string> = {
  "tw-animate-css": "tw-animate-css/dist/tw-animate.css",
};

function tailwindDir(): string {
  return path.join(process.cwd(), "node_modules", "tailwindcss");
}

const stylesheetCache = new Map<string, string>();

function readStylesheet(file: string): string {
  let content = stylesheetCache.get(file);
  if (content === undefined) {
    content = readFileSync(/*turbopackIgnore: true*/ file, "utf8");
    stylesheetCache.set(file, content);
  }
  return content;
}

/** `tailwindcss`, `tailwindcss/theme.css`, `./preflight.css`, `tw-animate-css` → a file we ship, or null. */
function stylesheetFor(id: string): string | null {
  if (Object.hasOwn(PACKAGE_STYLESHEETS, id))
    return path.join(process.cwd(), "node_modules", PACKAGE_STYLESHEETS[id]!);
  if (id === "tailwindcss") return path.join(tailwindDir(), "index.css");
  const file = id.replace(/^tailwindcss\//, "").replace(/^\.\//, "");
  return TAILWIND_FILES.has(file) ? path.join(tailwindDir(), file) : null;
}

/** Only keys of a v3 config that mean theme data; `content`, `plugins` and `presets` load code or files. */
function themeOnly(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["theme", "darkMode", "prefix", "important"])
    if (key in config) out[key] = config[key];
  return out;
}

// Claude's and ChatGPT's artifacts were written against Tailwind v3: a bare `border` is gray-200
// there (currentColor in v4) and buttons get a pointer. Tailwind's upgrade guide gives these rules
// to keep v3's look; the kit theme's own base layer (`border-border`) still wins where it applies.
const V3_LOOK = `@layer base {
  *, ::after, ::before, ::backdrop, ::file-selector-button { border-color: var(--color-gray-200, currentColor); }
  button:not(:disabled), [role="button"]:not(:disabled) { cursor: pointer; }
}`;

function frameworkCss(preflight: boolean): string {
  if (preflight) return `@import "tailwindcss";\n${V3_LOOK}`;
  return [
    "@layer theme, base, components, utilities;",
    '@import "tailwindcss/theme.css" layer(theme);',
    '@import "tailwindcss/utilities.css" layer(utilities);',
  ].join("\n");
}

// v3 directives mean "put Tailwind here"; the framework is already imported above them.
function withoutV3Directives(css: string): string {
  return css.replace(/@tailwind\s+(base|components|utilities|variants|screens)\s*;/g, "");
}

/** Every class candidate in the sources, found by Tailwind's own scanner (as its CLI and Vite plugin do). */
export function scanCandidates(sources: TailwindSource[]): string[] {
  if (sources.length === 0) return [];
  const scanner = new Scanner({ sources: [] });
  return scanner.scanFiles(sources.map((s) => ({ content: s.content, extension: s.extension })));
}

export async function compileTailwind(input: TailwindInput): Promise<string> {
  const parts = [frameworkCss(input.preflight ?? true)];
  for (const plugin of input.plugins ?? [])
    if (isOfficialPlugin(plugin)) parts.push(`@plugin "${plugin}";`);
  if (input.config) parts.push(`@config "${CONFIG_ID}";`);
  if (input.css) parts.push(withoutV3Directives(input.css));
  const compiler = await compile(parts.join("\n"), {
    base: tailwindDir(),
    loadStylesheet: async (id) => {
      const file = stylesheetFor(id);
      if (!file) throw new Error(`@import "${id}" is not available in the preview`);
      return { path: file, base: path.dirname(file), content: readStylesheet(file) };
    },
    loadModule: async (id) => {
      if (isOfficialPlugin(id))
        return { path: id, base: tailwindDir(), module: await OFFICIAL_PLUGINS[id]!() };
      if (id !== CONFIG_ID || !input.config)
        throw new Error(`"${id}" is not available in the preview`);
      return { path: CONFIG_ID, base: tailwindDir(), module: themeOnly(input.config) };
    },
  });
  return compiler.build(scanCandidates(input.sources));
}
