import "server-only";
import {
  getExportHeader,
  listOwnArtifactIds,
  measureOwnArtifacts,
  type ExportHeader,
} from "@/db/queries/archive-export";
import { getProfileByUserId } from "@/db/queries/profiles";
import {
  ACCOUNT_FORMAT,
  ACCOUNT_MANIFEST,
  accountArtifactFolder,
  FORMAT_VERSION,
} from "@/domain/archive/layout";
import { writeArtifact } from "./artifact-zip";
import { streamOf, ZipWriter } from "./zip-stream";

// "All my work": the profile and every artifact the user owns, public and private, each in its
// own folder with the same layout as an artifact zip (so one of them can be imported alone).

/**
 * Accounts up to this size are zipped while the browser downloads; bigger ones are built by the
 * worker and kept for a day (README "Export and import"). The size is code + chat bytes.
 */
export const DIRECT_EXPORT_LIMITS = { versions: 200, bytes: 8 * 1024 * 1024 } as const;

export async function accountExportPlan(userId: string) {
  const size = await measureOwnArtifacts(userId);
  const direct =
    size.versions <= DIRECT_EXPORT_LIMITS.versions && size.bytes <= DIRECT_EXPORT_LIMITS.bytes;
  return { ...size, direct };
}

/** The account zip as a stream of chunks, and how many artifacts it holds. */
export async function accountZipStream(userId: string) {
  const [profile, ids] = await Promise.all([
    getProfileByUserId(userId),
    listOwnArtifactIds(userId),
  ]);
  const headers: ExportHeader[] = [];
  for (const id of ids) {
    const header = await getExportHeader({ artifactId: id, viewerId: userId });
    if (header) headers.push(header); // deleted since the list: simply not in the export
  }
  async function* chunks() {
    const zip = new ZipWriter();
    zip.file(
      ACCOUNT_MANIFEST,
      JSON.stringify(
        {
          format: ACCOUNT_FORMAT,
          format_version: FORMAT_VERSION,
          exported_at: new Date().toISOString(),
          profile: profile
            ? {
                handle: profile.handle,
                display_name: profile.displayName,
                bio: profile.bio,
                avatar_url: profile.avatarUrl,
                age: profile.age,
                gender: profile.gender,
                city: profile.city,
                country: profile.country,
                created_at: profile.createdAt.toISOString(),
              }
            : {},
          artifacts: headers.map((h) => ({
            id: h.id,
            title: h.title,
            folder: accountArtifactFolder(h.id),
          })),
        },
        null,
        2,
      ) + "\n",
    );
    for (const header of headers)
      yield* writeArtifact(zip, header, userId, accountArtifactFolder(header.id));
    zip.end();
    yield zip.drain();
  }
  return { artifactCount: headers.length, stream: streamOf(chunks()) };
}
