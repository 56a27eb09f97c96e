// Well-known CDN URLs of the vendored packages → the preview origin's own copies. Pure and
// client-safe. Matching is by package (a CDN's library name counts) and the kind of file the page
// asks for: an ES module, a classic script that defines a global, or a stylesheet.
import type { RuntimeManifest } from "./manifest-shape";
import { ESM_ALIASES, HOSTS_LEFT_ALONE, findPackage, type VendoredPackage } from "./registry";

export type Served = Pick<RuntimeManifest, "imports" | "umd" | "css">;

export type CdnReference = {
  host: string;
  pkg: string;
  version: string | null;
  path: string;
  query: string;
};

/** How the page uses the URL: `<script src>` (classic), an import (module), a stylesheet, or unknown. */
export type UrlContext = "classic" | "module" | "style" | "text";

export type Resolution = { url: string } | { missing: string } | null;

// Scheme optional: "//unpkg.com/x" is common in older pages.
// d3js.org and cdn.sheetjs.com are the projects' own CDNs, and where most d3 / SheetJS pages load from.
export const CDN_URL =
  /(?:https?:)?\/\/(cdnjs\.cloudflare\.com|cdn\.jsdelivr\.net|unpkg\.com|esm\.sh|cdn\.esm\.sh|cdn\.skypack\.dev|ga\.jspm\.io|d3js\.org|cdn\.sheetjs\.com)(\/[^\s"'`<>()\\]*)/gi;
const HOSTS = new Set([
  "cdnjs.cloudflare.com",
  "cdn.jsdelivr.net",
  "unpkg.com",
  "esm.sh",
  "cdn.esm.sh",
  "cdn.skypack.dev",
  "ga.jspm.io",
  "d3js.org",
  "cdn.sheetjs.com",
]);

/** "@scope/name@1.2.3" or "name@^4" or "name" → name and version. */
function splitSpec(spec: string): { pkg: string; version: string | null } {
  const at = spec.indexOf("@", spec.startsWith("@") ? 1 : 0);
  return at < 0
    ? { pkg: spec, version: null }
    : { pkg: spec.slice(0, at), version: spec.slice(at + 1) || null };
}

/** Reads package, version and file path out of a CDN URL; null for URLs that name no npm package. */
export function parseCdnUrl(url: string): CdnReference | null {
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith("//") ? `https:${url}` : url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  if ((HOSTS_LEFT_ALONE as readonly string[]).includes(host) || !HOSTS.has(host)) return null;
  let rest = decodeURIComponent(parsed.pathname).replace(/^\/+/, "");
  const query = parsed.search;
  if (host === "d3js.org") {
    // d3.v7.min.js, d3-scale.v4.min.js: every one is part of the full d3 bundle.
    const m = /^(d3(?:-[a-z-]+)?)\.v(\d+)(?:\.min)?\.js$/.exec(rest);
    return m ? { host, pkg: "d3", version: m[2]!, path: "dist/d3.min.js", query } : null;
  }
  if (host === "cdn.sheetjs.com") {
    const m = /^xlsx-([^/]+)\/package\/(.*)$/.exec(rest);
    return m ? { host, pkg: "xlsx", version: m[1]!, path: m[2]!, query } : null;
  }
  if (host === "cdnjs.cloudflare.com") {
    const m = /^ajax\/libs\/([^/]+)\/([^/]+)\/?(.*)$/.exec(rest);
    return m ? { host, pkg: m[1]!.toLowerCase(), version: m[2]!, path: m[3]!, query } : null;
  }
  if (host === "cdn.jsdelivr.net") {
    if (!rest.startsWith("npm/")) return null; // gh/, combine/, wp/: not npm packages
    rest = rest.slice(4);
  } else if (host === "ga.jspm.io") {
    if (!rest.startsWith("npm:")) return null;
    rest = rest.slice(4);
  } else if (host === "esm.sh" || host === "cdn.esm.sh") {
    rest = rest.replace(/^(v\d+|stable)\//, "");
  } else if (host === "cdn.skypack.dev") {
    // Pinned form: /-/name@1.2.3-HASH/dist=es2019,mode=imports/optimized/name.js
    const pinned = /^(?:-|pin)\/((?:@[^/]+\/)?[^@/]+)@([^-/]+)[^/]*\/?/.exec(rest);
    if (pinned) return { host, pkg: pinned[1]!, version: pinned[2]!, path: "", query };
  }
  const scoped = rest.startsWith("@");
  const parts = rest.split("/");
  const spec = scoped ? parts.slice(0, 2).join("/") : parts[0]!;
  const path = parts.slice(scoped ? 2 : 1).join("/");
  const { pkg, version } = splitSpec(spec);
  if (!pkg || pkg === "@") return null;
  return { host, pkg: pkg.toLowerCase(), version, path, query };
}

/** URLs that are ES modules whatever the tag says: esm.sh, skypack, jsDelivr's +esm, *.module.js, .mjs … */
export function looksLikeModule(ref: CdnReference): boolean {
  if (
    ref.host === "esm.sh" ||
    ref.host === "cdn.esm.sh" ||
    ref.host === "cdn.skypack.dev" ||
    ref.host === "ga.jspm.io"
  )
    return true;
  return (
    /(^|\/)\+esm$|\.mjs$|\.module\.(min\.)?js$|(^|\/)(es|esm|jsm|es6)\/|\.esm(\.min)?\.js$/.test(
      ref.path,
    ) || /[?&]module\b/.test(ref.query)
  );
}

function stripFile(path: string): string {
  return path
    .replace(/(^|\/)\+esm$/, "")
    .replace(/\/+$/, "")
    .replace(/\.(min\.)?(m?js)$/, "");
}

/** The import specifier a module URL stands for: three/addons/…, chart.js/auto, react-dom/client, or the package. */
function moduleSpecifier(pkg: VendoredPackage, path: string, served: Served): string | null {
  const clean = stripFile(path);
  if (pkg.name === "three") {
    const addon = /(?:^|\/)(?:examples\/jsm|addons)\/(.+)$/.exec(clean);
    if (addon) return `three/addons/${addon[1]}.js`;
  }
  const candidates = [clean, clean.replace(/^(dist|lib|build|es|esm)\//, "")]
    .filter(Boolean)
    .map((p) => `${pkg.name}/${p}`);
  for (const c of candidates) {
    if (served.imports[c]) return c;
    if (ESM_ALIASES[c]) return ESM_ALIASES[c]!;
  }
  // katex/dist/contrib/auto-render.mjs → katex/contrib/auto-render
  const contrib = /contrib\/([a-z-]+)/.exec(clean);
  if (contrib) return `${pkg.name}/contrib/${contrib[1]}`;
  return pkg.name;
}

function classicBuild(pkg: VendoredPackage, path: string): string {
  if (pkg.name === "three" && /examples\/js\//.test(path)) return "addons";
  const contrib = /contrib\/([a-z-]+)/.exec(path);
  return contrib ? contrib[1]! : "main";
}

/** The vendored URL for one CDN URL in a context; { missing } names a package outside the set; null leaves it alone. */
export function resolveCdnUrl(url: string, context: UrlContext, served: Served): Resolution {
  const ref = parseCdnUrl(url);
  // A folder URL (an import map prefix such as ".../examples/jsm/") cannot point at hashed files;
  // our own import map already answers the exact specifiers beneath it.
  if (!ref || (context === "text" && url.endsWith("/"))) return null;
  // react-dom's UMD build is the same file as React's (one React for the page).
  const pkg = findPackage(ref.pkg);
  const name = pkg?.name ?? ref.pkg;
  if (!pkg) return { missing: name };
  if (context === "style" || /\.css$/.test(ref.path)) {
    return served.css[pkg.name]
      ? { url: served.css[pkg.name]! }
      : { missing: `${name} (stylesheet)` };
  }
  // Outside a tag (import statements, import maps, script loaders): a .js file that is not
  // module-shaped is a browser build; a bare package URL is imported.
  const asModule =
    context === "module" ||
    (context === "text" && (looksLikeModule(ref) || !/\.js$/.test(ref.path)));
  if (asModule) {
    const specifier = moduleSpecifier(pkg, ref.path, served);
    return specifier && served.imports[specifier]
      ? { url: served.imports[specifier]! }
      : { missing: specifier ?? name };
  }
  const umdOwner = pkg.name === "react-dom" ? "react" : pkg.name;
  const build = classicBuild(pkg, ref.path);
  const target = served.umd[umdOwner]?.[build];
  return target ? { url: target } : { missing: build === "main" ? name : `${name}/${build}` };
}
