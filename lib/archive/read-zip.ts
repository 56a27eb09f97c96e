import "server-only";
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { unsafeEntryReason } from "@/domain/archive/layout";
import { ARCHIVE_LIMITS } from "@/domain/validation/archive";

// Reading an uploaded zip without trusting it (README "Export and import" "Limits"). fflate's streaming
// Unzip is fed 4 KiB at a time, so one push inflates at most a few MB even from a bomb; every byte
// that comes out is counted against the entry's cap, the archive's total and the ratio to the
// upload's size — the sizes written in the zip's headers are never used.

/** A refusal with its sentence; nothing has been written when it is thrown. */
export class ArchiveRefusal extends Error {}

const CHUNK = 4096;
const DAMAGED = "The archive is damaged or is not a zip file.";
const RATIO_FLOOR = 1024 * 1024;

export type ZipReader = {
  /** Every entry name in the archive (directories included), each checked by the entry-name rule. */
  names: string[];
  /** Inflates the named entries, each under its own byte cap; the sentence when one goes over. */
  inflate(wanted: Map<string, { maxBytes: number; tooBig: string }>): Map<string, Uint8Array>;
};

/**
 * Feeds the archive to fflate in small pushes. fflate catches what an `ondata` callback throws and
 * hands it back as that callback's error, so callbacks record their refusal in `stop` instead, and
 * the loop ends at the next push boundary.
 */
function walk(
  bytes: Uint8Array,
  onFile: (file: UnzipFile, stop: (refusal: ArchiveRefusal) => void) => void,
): void {
  let refusal: ArchiveRefusal | null = null;
  const stop = (r: ArchiveRefusal) => {
    refusal ??= r;
  };
  const unzip = new Unzip((file) => onFile(file, stop));
  unzip.register(UnzipInflate);
  try {
    if (bytes.length === 0) throw new ArchiveRefusal(DAMAGED);
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
      if (refusal) throw refusal;
    }
  } catch (err) {
    if (refusal) throw refusal;
    if (err instanceof ArchiveRefusal) throw err;
    throw new ArchiveRefusal(DAMAGED);
  }
}

/** Opens an uploaded archive: checks its size, its signature and every entry name. Inflates nothing. */
export function openZip(bytes: Uint8Array): ZipReader {
  if (bytes.length > ARCHIVE_LIMITS.uploadBytes)
    throw new ArchiveRefusal(
      `The file is too big: a Vitrine archive can be at most ${ARCHIVE_LIMITS.uploadBytes / (1024 * 1024)} MB.`,
    );
  // Local file header signature "PK\3\4": anything else is not a zip (or an empty one).
  if (
    bytes.length < 4 ||
    bytes[0] !== 0x50 ||
    bytes[1] !== 0x4b ||
    bytes[2] !== 3 ||
    bytes[3] !== 4
  )
    throw new ArchiveRefusal("This file is not a zip archive.");

  const names: string[] = [];
  const seen = new Set<string>();
  walk(bytes, (file) => {
    const reason = unsafeEntryReason(file.name);
    if (reason) throw new ArchiveRefusal(reason);
    if (seen.has(file.name))
      throw new ArchiveRefusal(`The archive holds ${JSON.stringify(file.name)} twice.`);
    seen.add(file.name);
    names.push(file.name);
    if (names.length > ARCHIVE_LIMITS.entries)
      throw new ArchiveRefusal(
        `The archive has more than ${ARCHIVE_LIMITS.entries.toLocaleString("en-US")} entries.`,
      );
  });

  let inflatedTotal = 0;
  const ratioCap = Math.max(RATIO_FLOOR, ARCHIVE_LIMITS.ratio * bytes.length);
  const totalCap = Math.min(ARCHIVE_LIMITS.uncompressedBytes, ratioCap);
  const bomb = `The archive inflates to more than ${
    totalCap === ARCHIVE_LIMITS.uncompressedBytes
      ? `${ARCHIVE_LIMITS.uncompressedBytes / (1024 * 1024)} MB`
      : `${ARCHIVE_LIMITS.ratio} times its own size`
  }, the limit that stops zip bombs; nothing was imported.`;

  return {
    names,
    inflate(wanted) {
      const out = new Map<string, Uint8Array>();
      walk(bytes, (file, stop) => {
        const rule = wanted.get(file.name);
        if (!rule) return; // not started: fflate skips its bytes without inflating them
        const chunks: Uint8Array[] = [];
        let size = 0;
        let stopped = false;
        const refuse = (sentence: string) => {
          stopped = true;
          stop(new ArchiveRefusal(sentence));
        };
        file.ondata = (err, data, final) => {
          if (stopped) return;
          if (err) return refuse(DAMAGED);
          size += data.length;
          inflatedTotal += data.length;
          // The entry's own limit first: one version over 1 MB says so, not "zip bomb".
          if (size > rule.maxBytes) return refuse(rule.tooBig);
          if (inflatedTotal > totalCap) return refuse(bomb);
          chunks.push(data);
          if (final) out.set(file.name, concat(chunks, size));
        };
        try {
          file.start();
        } catch (err) {
          if (err instanceof ArchiveRefusal) throw err;
          throw new ArchiveRefusal(
            `The archive entry ${JSON.stringify(file.name)} uses a compression method Vitrine cannot read (only stored and deflate).`,
          );
        }
      });
      return out;
    },
  };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}
