// The curated package set the preview serves from its own origin (vendored from npm at build time
// by scripts/build-preview-runtime.ts, never fetched at run time). Pure data, client-safe: the build
// script, the server-side resolver and the publish form's warning all read this one list.

export type UmdBuild =
  /** A browser build the package itself ships, copied byte for byte (what the CDN served). */
  | { kind: "copy"; file: string; global: string; append?: string }
  /** An IIFE we bundle from `source` (a module under lib/preview/runtime/umd/) that sets the global. */
  | { kind: "bundle"; source: string; global: string };

export type VendoredPackage = {
  /** The npm name, as people import it and as jsDelivr/unpkg/esm.sh spell it. */
  name: string;
  /** Other names the same library goes by on CDNs (cdnjs library names), lowercase. */
  cdnNames?: string[];
  /** Import specifiers served as ES modules; each is bundled as one entry. */
  esm: string[];
  /** Classic-script builds that define a global, keyed by a short id ("main" for the package itself). */
  umd?: Record<string, UmdBuild>;
  /** A stylesheet and the folder of assets it refers to (KaTeX's fonts). */
  css?: { file: string; assetsDir?: string };
};

/** Commonly used three.js add-ons, served as `three/addons/<path>` and `three/examples/jsm/<path>`. */
export const THREE_ADDONS = [
  "controls/OrbitControls.js",
  "controls/TrackballControls.js",
  "controls/PointerLockControls.js",
  "controls/FlyControls.js",
  "controls/MapControls.js",
  "controls/TransformControls.js",
  "controls/DragControls.js",
  "loaders/GLTFLoader.js",
  "loaders/OBJLoader.js",
  "loaders/FontLoader.js",
  "loaders/RGBELoader.js",
  "geometries/TextGeometry.js",
  "geometries/ConvexGeometry.js",
  "postprocessing/EffectComposer.js",
  "postprocessing/RenderPass.js",
  "postprocessing/UnrealBloomPass.js",
  "postprocessing/ShaderPass.js",
  "postprocessing/OutputPass.js",
  "postprocessing/GlitchPass.js",
  "shaders/CopyShader.js",
  "math/ImprovedNoise.js",
  "math/SimplexNoise.js",
  "objects/Water.js",
  "objects/Sky.js",
  "environments/RoomEnvironment.js",
  "libs/stats.module.js",
  "libs/lil-gui.module.min.js",
  "utils/BufferGeometryUtils.js",
] as const;

/** The d3 modules people import one by one; the d3 bundle re-exports all of them. */
const D3_MODULES = [
  "array",
  "axis",
  "brush",
  "chord",
  "color",
  "contour",
  "delaunay",
  "dispatch",
  "drag",
  "dsv",
  "ease",
  "fetch",
  "force",
  "format",
  "geo",
  "hierarchy",
  "interpolate",
  "path",
  "polygon",
  "quadtree",
  "random",
  "scale",
  "scale-chromatic",
  "selection",
  "shape",
  "time",
  "time-format",
  "timer",
  "transition",
  "zoom",
];

export const PACKAGES: readonly VendoredPackage[] = [
  {
    name: "react",
    esm: ["react", "react/jsx-runtime", "react/jsx-dev-runtime"],
    // React 19 ships no UMD build: ours sets window.React and window.ReactDOM (with the React 17/18
    // `render` API) from the same React the ES modules use. react-dom's URLs load the same file.
    umd: { main: { kind: "bundle", source: "react-global.ts", global: "React" } },
  },
  { name: "react-dom", esm: ["react-dom", "react-dom/client"] },
  { name: "lucide-react", esm: ["lucide-react"] },
  {
    name: "recharts",
    esm: ["recharts"],
    umd: { main: { kind: "bundle", source: "recharts-global.ts", global: "Recharts" } },
  },
  { name: "framer-motion", esm: ["framer-motion"] },
  { name: "motion", esm: ["motion", "motion/react"] },
  {
    name: "three",
    cdnNames: ["three.js"],
    esm: ["three", "three/addons", ...THREE_ADDONS.map((a) => `three/addons/${a}`)],
    umd: {
      main: { kind: "bundle", source: "three-global.ts", global: "THREE" },
      // Old pages load examples/js/controls/OrbitControls.js etc. after three.min.js.
      addons: { kind: "bundle", source: "three-addons-global.ts", global: "THREE" },
    },
  },
  {
    name: "d3",
    esm: ["d3"],
    umd: { main: { kind: "copy", file: "dist/d3.min.js", global: "d3" } },
  },
  {
    name: "chart.js",
    esm: ["chart.js", "chart.js/auto", "chart.js/helpers"],
    umd: { main: { kind: "copy", file: "dist/chart.umd.min.js", global: "Chart" } },
  },
  {
    name: "p5",
    cdnNames: ["p5.js"],
    esm: ["p5"],
    umd: { main: { kind: "copy", file: "lib/p5.min.js", global: "p5" } },
  },
  {
    name: "lodash",
    cdnNames: ["lodash.js"],
    esm: ["lodash"],
    umd: { main: { kind: "copy", file: "lodash.min.js", global: "_" } },
  },
  {
    name: "papaparse",
    esm: ["papaparse"],
    umd: { main: { kind: "copy", file: "papaparse.min.js", global: "Papa" } },
  },
  {
    name: "mathjs",
    esm: ["mathjs"],
    umd: { main: { kind: "copy", file: "lib/browser/math.js", global: "math" } },
  },
  {
    name: "xlsx",
    esm: ["xlsx"],
    umd: { main: { kind: "copy", file: "dist/xlsx.full.min.js", global: "XLSX" } },
  },
  {
    name: "tone",
    esm: ["tone"],
    umd: { main: { kind: "copy", file: "build/Tone.js", global: "Tone" } },
  },
  { name: "date-fns", esm: ["date-fns", "date-fns/locale"] },
  {
    name: "js-yaml",
    esm: ["js-yaml"],
    umd: { main: { kind: "copy", file: "dist/js-yaml.min.js", global: "jsyaml" } },
  },
  {
    name: "marked",
    esm: ["marked"],
    umd: {
      main: {
        kind: "copy",
        file: "lib/marked.umd.js",
        global: "marked",
        // Pages written for marked ≤ 4 call marked(text); keep that working next to marked.parse.
        append: `;(function(m){if(m&&typeof m==="object"&&typeof m.parse==="function"){var f=function(s,o){return m.parse(s,o)};Object.assign(f,m);window.marked=f}})(window.marked);`,
      },
    },
  },
  {
    name: "katex",
    esm: ["katex", "katex/contrib/auto-render"],
    umd: {
      main: { kind: "copy", file: "dist/katex.min.js", global: "katex" },
      "auto-render": {
        kind: "copy",
        file: "dist/contrib/auto-render.min.js",
        global: "renderMathInElement",
      },
    },
    css: { file: "dist/katex.min.css", assetsDir: "dist/fonts" },
  },
  {
    name: "qrcode-generator",
    esm: ["qrcode-generator"],
    umd: { main: { kind: "copy", file: "dist/qrcode.js", global: "qrcode" } },
  },
  { name: "react-router-dom", esm: ["react-router-dom"] },
  {
    name: "@babel/standalone",
    cdnNames: ["babel-standalone"],
    esm: ["@babel/standalone"],
    umd: { main: { kind: "copy", file: "babel.min.js", global: "Babel" } },
  },
];

/** Specifiers that are another name for a served one (import map aliases). */
export const ESM_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  "lodash-es": "lodash",
  "react-dom/server": "react-dom",
  ...Object.fromEntries(D3_MODULES.map((m) => [`d3-${m}`, "d3"])),
  // With and without ".js": bundler-style imports leave the extension out.
  ...Object.fromEntries(THREE_ADDONS.map((a) => [`three/examples/jsm/${a}`, `three/addons/${a}`])),
  ...Object.fromEntries(
    THREE_ADDONS.map((a) => [`three/examples/jsm/${a.replace(/\.js$/, "")}`, `three/addons/${a}`]),
  ),
  ...Object.fromEntries(
    THREE_ADDONS.map((a) => [`three/addons/${a.replace(/\.js$/, "")}`, `three/addons/${a}`]),
  ),
  "three/examples/jsm/Addons.js": "three/addons",
  "three/addons/Addons.js": "three/addons",
});

/** The shadcn/ui kit: `@/components/ui/<name>` and `@/lib/utils` (built from lib/preview/ui-kit). */
export const UI_KIT_PREFIX = "@/components/ui/";
export const UI_KIT_UTILS = "@/lib/utils";

/** CDN hosts we never touch: the "tailwind" work owns them (play CDN, Google Fonts). */
export const HOSTS_LEFT_ALONE = [
  "cdn.tailwindcss.com",
  "fonts.googleapis.com",
  "fonts.gstatic.com",
] as const;

const byName = new Map<string, VendoredPackage>();
for (const pkg of PACKAGES) {
  byName.set(pkg.name.toLowerCase(), pkg);
  for (const alias of pkg.cdnNames ?? []) byName.set(alias, pkg);
}

/** The vendored package for an npm or CDN library name, if any. */
export function findPackage(name: string): VendoredPackage | undefined {
  return byName.get(name.toLowerCase());
}

/** Every ES module specifier the preview can resolve (without the UI kit, found at build time). */
export function knownSpecifiers(): Set<string> {
  return new Set([...PACKAGES.flatMap((p) => p.esm), ...Object.keys(ESM_ALIASES)]);
}

/** The npm package a bare specifier belongs to: "@scope/name/x" → "@scope/name", "three/addons/x" → "three". */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}
