import "server-only";
import { previewKind, type PreviewKind } from "@/domain/languages";
import type { PreviewPayload } from "./messages";
import type { Served } from "./packages/cdn";
import { runtimeManifest } from "./packages/manifest";
import {
  importSpecifiers,
  isModuleScript,
  isP5Sketch,
  missingPackagesMessage,
  rewriteHtml,
  rewriteUrlsInText,
  specifierKnown,
  unresolvedSpecifiers,
} from "./packages/resolve";
import { styleForPreview } from "./tailwind/artifact";
import { transpileReactCached } from "./transpile";

/**
 * Resolves one artifact against the vendored package set: React is transpiled, CDN URLs point at
 * the preview origin's copies, a p5 sketch gets p5, and packages outside the set are named (fatal
 * for React, whose imports cannot load; a notice otherwise).
 */
function resolvePayload(
  kind: PreviewKind,
  language: string,
  code: string,
  served: Served,
): PreviewPayload {
  if (kind === "svg" || kind === "markdown") return { kind, code };
  if (kind === "html") {
    const { code: rewritten, missing } = rewriteHtml(code, served);
    return { kind, code: rewritten, ...(missing.length ? { missing } : {}) };
  }
  if (kind === "javascript") {
    const missing = new Set<string>();
    const asModule = isModuleScript(code);
    const rewritten = rewriteUrlsInText(code, served, asModule ? "module" : "text", missing);
    if (asModule)
      for (const s of unresolvedSpecifiers(importSpecifiers(rewritten), specifierKnown(served)))
        missing.add(s);
    const p5 = !asModule && isP5Sketch(code) && served.umd.p5?.main;
    return {
      kind,
      code: rewritten,
      ...(asModule ? { module: true } : {}),
      ...(p5 ? { scripts: [p5] } : {}),
      ...(missing.size ? { missing: [...missing] } : {}),
    };
  }
  const result = transpileReactCached(code, language);
  if (!result.ok) return { kind: "error", message: result.message };
  const missing = new Set<string>();
  const rewritten = rewriteUrlsInText(result.code, served, "module", missing);
  for (const s of unresolvedSpecifiers(importSpecifiers(rewritten), specifierKnown(served)))
    missing.add(s);
  if (missing.size) return { kind: "error", message: missingPackagesMessage([...missing]) };
  return { kind, code: rewritten };
}

/**
 * What the artifact page posts into the preview frame for one version, or null for languages that
 * show code only. Everything is resolved here, on the server (see resolvePayload); then Tailwind is
 * compiled for it (React always, HTML when the page asks for it: cached by content) and Google
 * Fonts links point at the bundled fonts.
 */
export async function buildPreviewPayload(
  language: string | null | undefined,
  code: string,
  served: Served = runtimeManifest(),
): Promise<PreviewPayload | null> {
  const kind = previewKind(language);
  if (!kind) return null;
  if (kind === "html") {
    // Tailwind first: its CDN tags (jsDelivr/unpkg `tailwindcss`, `@tailwindcss/browser`) are ours
    // to replace with the compiled CSS, never packages for the resolver to fetch or call missing.
    const styled = await styleForPreview(kind, code, code);
    return resolvePayload(kind, "html", styled.code, served);
  }
  const payload = resolvePayload(kind, (language ?? "tsx").toLowerCase(), code, served);
  if (payload.kind === "error") return payload;
  const styled = await styleForPreview(kind, code, payload.code);
  return {
    ...payload,
    code: styled.code,
    ...(styled.css === undefined ? {} : { css: styled.css }),
  };
}
