// The shape of .preview-runtime/manifest.json, written by scripts/build-preview-runtime.ts and read
// by the server (lib/preview/packages/manifest.ts). URLs are origin-relative (/sandbox/pkg/…): the
// frame resolves them against the preview origin, the thumbnail renderer against its own.

export const RUNTIME_DIR = ".preview-runtime";
export const MANIFEST_VERSION = 1;

export type RuntimeManifest = {
  version: number;
  /** npm name → installed version. */
  packages: Record<string, string>;
  /** Import map: bare specifier → module URL. */
  imports: Record<string, string>;
  /** npm name → classic-script builds by id ("main", "addons", "auto-render"). */
  umd: Record<string, Record<string, string>>;
  /** npm name → stylesheet URL. */
  css: Record<string, string>;
  runtimes: { shim: string; markdown: string };
  /** UI kit component names found at build time (`@/components/ui/<name>`). */
  uiKit: string[];
};
