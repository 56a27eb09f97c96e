import "server-only";
import {
  getExportHeader,
  listExportVersions,
  type ExportHeader,
} from "@/db/queries/archive-export";
import { getLineageForViewer, getUpstreamStatus, type LineageRef } from "@/db/queries/lineage";
import {
  ARTIFACT_FORMAT,
  ARTIFACT_MANIFEST,
  FORMAT_VERSION,
  versionFileName,
} from "@/domain/archive/layout";
import { streamOf, ZipWriter } from "./zip-stream";

// One artifact as zip entries: `vitrine.json` (metadata, lineage, every version's number, parent,
// created_at, summary, label and chat) then `versions/v<n>.<ext>` — under `prefix` (an account zip
// puts each artifact in its own folder). Two passes over the versions in pages: the manifest pass
// reads no code, the code pass reads no chat, so memory holds one page, never the whole history.

const MANIFEST_PAGE = 100;
const CODE_PAGE = 20;

function lineageRef(ref: LineageRef | null) {
  if (!ref) return null;
  return ref.state === "visible"
    ? { state: "visible", artifact_id: ref.id, title: ref.title, owner_handle: ref.ownerHandle }
    : { state: ref.state };
}

async function lineageOf(artifactId: string, viewerId: string | null) {
  const [lineage, upstream] = await Promise.all([
    getLineageForViewer({ artifactId, viewerId }),
    getUpstreamStatus({ artifactId, viewerId }),
  ]);
  return {
    forked_from: lineage?.parent
      ? { ...lineageRef(lineage.parent), version_label: lineage.parent.versionLabel }
      : null,
    origin: lineageRef(lineage?.origin ?? null),
    upstream: upstream
      ? {
          artifact_id: upstream.parent.id,
          title: upstream.parent.title,
          owner_handle: upstream.parent.ownerHandle,
          current_version: upstream.parent.currentIndex,
          forked_from_version: upstream.forkedFromIndex,
          newer_versions: upstream.newerCount,
        }
      : null,
  };
}

/** Writes one artifact's entries into `zip`, yielding the compressed bytes as they are made. */
export async function* writeArtifact(
  zip: ZipWriter,
  header: ExportHeader,
  viewerId: string | null,
  prefix = "",
): AsyncGenerator<Uint8Array[]> {
  const artifactId = header.id;
  const upTo = header.currentIndex;
  const head = {
    format: ARTIFACT_FORMAT,
    format_version: FORMAT_VERSION,
    exported_at: new Date().toISOString(),
    artifact: {
      id: header.id,
      title: header.title,
      description: header.description,
      visibility: header.visibility,
      versioning_enabled: header.versioningEnabled,
      chat_history_public: header.chatHistoryPublic,
      created_at: header.createdAt,
      owner_handle: header.ownerHandle,
    },
    lineage: await lineageOf(artifactId, viewerId),
    history: header.historyVisible ? "full" : "current-only",
    chat_included: header.chatVisible,
    versions: [] as unknown[],
  };
  // The manifest is streamed: everything up to `"versions": [`, then one version per line.
  const text = JSON.stringify(head, null, 2);
  const open = text.lastIndexOf("[]");
  const manifest = zip.open(`${prefix}${ARTIFACT_MANIFEST}`);
  zip.write(manifest, text.slice(0, open) + "[");

  const included = new Set<number>();
  let after = 0;
  let first = true;
  for (;;) {
    const page = await listExportVersions({
      artifactId,
      viewerId,
      afterIndex: after,
      upToIndex: upTo,
      limit: MANIFEST_PAGE,
      withCode: false,
      withChat: header.chatVisible,
    });
    for (const v of page) {
      included.add(v.versionIndex);
      const entry = {
        number: v.versionIndex,
        // A parent the viewer may not see (history hidden) is not in the archive: no dangling number.
        parent: v.parentIndex !== null && included.has(v.parentIndex) ? v.parentIndex : null,
        created_at: v.createdAt,
        language: v.language,
        file: versionFileName(v.versionIndex, v.language),
        sha256: v.sha256,
        summary: v.summary,
        label: v.label,
        ...(header.chatVisible ? { chat: v.chat } : {}),
      };
      zip.write(manifest, `${first ? "" : ","}\n    ${JSON.stringify(entry)}`);
      first = false;
    }
    yield zip.drain();
    if (page.length < MANIFEST_PAGE) break;
    after = page[page.length - 1]!.versionIndex;
  }
  zip.write(manifest, "\n  ]\n}\n", true);

  after = 0;
  for (;;) {
    const page = await listExportVersions({
      artifactId,
      viewerId,
      afterIndex: after,
      upToIndex: upTo,
      limit: CODE_PAGE,
      withCode: true,
      withChat: false,
    });
    for (const v of page) {
      // Only versions the manifest listed (same rule, same snapshot bound).
      if (included.has(v.versionIndex))
        zip.file(`${prefix}${versionFileName(v.versionIndex, v.language)}`, v.code ?? "");
    }
    yield zip.drain();
    if (page.length < CODE_PAGE) break;
    after = page[page.length - 1]!.versionIndex;
  }
}

/** The zip of one artifact for a viewer, as a stream; null when the viewer may not see it. */
export async function artifactZipStream({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<{ header: ExportHeader; stream: ReadableStream<Uint8Array> } | null> {
  const header = await getExportHeader({ artifactId, viewerId });
  if (!header) return null;
  async function* chunks() {
    const zip = new ZipWriter();
    yield* writeArtifact(zip, header!, viewerId);
    zip.end();
    yield zip.drain();
  }
  return { header, stream: streamOf(chunks()) };
}
