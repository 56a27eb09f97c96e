import "server-only";
import { previewKind } from "@/domain/languages";
import type { PreviewPayload } from "./messages";
import { transpileReactCached } from "./transpile";

/**
 * What the artifact page posts into the preview frame for one version, or null for languages that
 * show code only. React is transpiled here, on the server; errors become a payload the frame shows.
 */
export function buildPreviewPayload(language: string | null | undefined, code: string): PreviewPayload | null {
  const kind = previewKind(language);
  if (!kind) return null;
  if (kind !== "react") return { kind, code };
  const result = transpileReactCached(code, (language ?? "tsx").toLowerCase());
  return result.ok ? { kind, code: result.code } : { kind: "error", message: result.message };
}
