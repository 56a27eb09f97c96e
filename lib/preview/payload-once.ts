import "server-only";
import { createHash } from "node:crypto";
import { derivedOnce } from "@/lib/derived/once";
import type { PreviewPayload } from "./messages";
import type { RuntimeManifest } from "./packages/manifest-shape";
import { runtimeManifest } from "./packages/manifest";
import { buildPreviewPayload } from "./payload";

/**
 * Bump when what buildPreviewPayload produces for the same code and runtime changes (transpiler
 * options, rewriting rules, Tailwind): stored payloads of the old kind are then never read again.
 */
export const PREVIEW_PAYLOAD_VERSION = "payload-1";

const manifestIds = new WeakMap<RuntimeManifest, string>();

/** The runtime build a payload's URLs point into (content-hashed files): part of its key. */
function manifestId(manifest: RuntimeManifest): string {
  let id = manifestIds.get(manifest);
  if (!id) {
    id = createHash("sha256").update(JSON.stringify(manifest)).digest("hex").slice(0, 16);
    manifestIds.set(manifest, id);
  }
  return id;
}

/**
 * buildPreviewPayload, computed once per content (the version's code_blob_ref, or the code's own
 * sha256 — the same value), language and runtime build, and shared by every web process: a
 * version's transpiled, rewritten, Tailwind-compiled preview is never recomputed per view.
 */
export async function previewPayloadOnce(
  language: string | null | undefined,
  code: string,
  blobRef?: string,
): Promise<PreviewPayload | null> {
  const manifest = runtimeManifest();
  const body = await derivedOnce(
    {
      blobRef: blobRef ?? `sha256:${createHash("sha256").update(code, "utf8").digest("hex")}`,
      kind: "preview",
      variant: `${(language ?? "").toLowerCase()}/${PREVIEW_PAYLOAD_VERSION}/${manifestId(manifest)}`,
    },
    async () => JSON.stringify(await buildPreviewPayload(language, code, manifest)),
  );
  return JSON.parse(body) as PreviewPayload | null;
}
