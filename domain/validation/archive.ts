import { z } from "zod";
import { ACCOUNT_FORMAT, ARTIFACT_FORMAT, FORMAT_VERSION } from "@/domain/archive/layout";
import {
  descriptionSchema,
  labelSchema,
  languageSchema,
  LIMITS,
  parseChat,
  summarySchema,
  titleSchema,
  visibilitySchema,
} from "./artifact";

// The limits and the schema of a Vitrine zip (README "Export and import"). The importer checks the
// byte limits while it inflates (lib/archive/read-zip.ts); this file names them and validates
// vitrine.json, with a sentence for every refusal.
export const ARCHIVE_LIMITS = {
  /** The uploaded zip (below the 4 MB server-action body limit in next.config.js). */
  uploadBytes: 3 * 1024 * 1024,
  /** Everything inflated from one archive, counted while inflating (headers are never trusted). */
  uncompressedBytes: 64 * 1024 * 1024,
  /** Inflated bytes per byte of archive, once past the first MiB: zip bombs reach 1000:1. */
  ratio: 100,
  /** vitrine.json itself: metadata plus up to 2 MB of chat per version. */
  manifestBytes: 32 * 1024 * 1024,
  /** Versions in one artifact archive. */
  versions: 1000,
  /** Entries in one archive (an account zip holds many artifacts). */
  entries: 20_000,
} as const;

const MiB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
export const UPLOAD_TOO_BIG = `The file is too big: a Vitrine archive can be at most ${MiB(ARCHIVE_LIMITS.uploadBytes)}.`;

/** Optional text in the manifest: null, absent or the field's own schema (empty → null). */
function nullable<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

const isoDate = z.iso.datetime({
  offset: true,
  error: "must be a date-time like 2026-01-31T12:00:00Z",
});

const chatSchema = z.unknown().transform((value, ctx) => {
  if (value === null || value === undefined) return null;
  const parsed = parseChat(JSON.stringify(value));
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.chat;
});

const versionSchema = z
  .object({
    number: z.int().min(1).max(1_000_000_000),
    parent: z.int().min(1).nullable(),
    created_at: isoDate,
    language: languageSchema,
    file: z.string().min(1).max(255),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits")
      .optional(),
    summary: nullable(summarySchema),
    label: nullable(labelSchema),
    chat: chatSchema.optional().transform((chat) => chat ?? null),
  })
  .strict();

export const artifactManifestSchema = z
  .object({
    format: z.literal(ARTIFACT_FORMAT, { error: `must be "${ARTIFACT_FORMAT}"` }),
    format_version: z.literal(FORMAT_VERSION, {
      error: `must be ${FORMAT_VERSION} (this Vitrine reads version ${FORMAT_VERSION})`,
    }),
    exported_at: isoDate.optional(),
    artifact: z
      .object({
        id: z.string().max(64).optional(),
        title: titleSchema,
        description: nullable(descriptionSchema),
        visibility: visibilitySchema,
        versioning_enabled: z.boolean(),
        chat_history_public: z.boolean(),
        created_at: isoDate.optional(),
        owner_handle: z.string().max(64).nullable().optional(),
      })
      .strict(),
    // Informational: an import is a new artifact, never a fork of these.
    lineage: z.record(z.string(), z.unknown()).nullable().optional(),
    history: z.enum(["full", "current-only"]).optional(),
    chat_included: z.boolean().optional(),
    versions: z.array(versionSchema).min(1, "must list at least one version"),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<number>();
    for (const [i, v] of manifest.versions.entries()) {
      const at = ["versions", i];
      if (seen.has(v.number))
        ctx.addIssue({ code: "custom", path: [...at, "number"], message: `repeats ${v.number}` });
      seen.add(v.number);
      if (
        v.parent !== null &&
        (v.parent >= v.number || !manifest.versions.some((p) => p.number === v.parent))
      )
        ctx.addIssue({
          code: "custom",
          path: [...at, "parent"],
          message: `must be an earlier version listed in the archive (got ${v.parent})`,
        });
    }
  });

export type ArtifactManifest = z.infer<typeof artifactManifestSchema>;
export type ManifestVersion = ArtifactManifest["versions"][number];

export const accountManifestSchema = z
  .object({
    format: z.literal(ACCOUNT_FORMAT),
    format_version: z.literal(FORMAT_VERSION),
    exported_at: isoDate,
    profile: z.record(z.string(), z.unknown()),
    artifacts: z
      .array(
        z
          .object({
            id: z.string().max(64),
            title: z.string().max(200),
            folder: z.string().max(255),
          })
          .strict(),
      )
      .max(ARCHIVE_LIMITS.entries),
  })
  .strict();

/** "versions[3].language" → "version 4's language"; the path people can find in the file. */
function where(path: PropertyKey[]): string {
  if (path[0] === "versions" && typeof path[1] === "number") {
    const field = path.slice(2).join(".");
    return `version entry ${path[1] + 1}${field ? ` (${field})` : ""}`;
  }
  return path.length ? path.join(".") : "the file";
}

/**
 * Parses a manifest's text into the artifact manifest or one sentence naming the first problem.
 * The version count is checked on the raw JSON first, so a 10,000-version file costs no schema work.
 */
export function parseArtifactManifest(
  text: string,
): { manifest: ArtifactManifest } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: "vitrine.json is not valid JSON." };
  }
  const versions = (json as { versions?: unknown } | null)?.versions;
  if (Array.isArray(versions) && versions.length > ARCHIVE_LIMITS.versions)
    return {
      error: `This archive has ${versions.length.toLocaleString("en-US")} versions; Vitrine imports at most ${ARCHIVE_LIMITS.versions.toLocaleString("en-US")} versions per artifact.`,
    };
  const parsed = artifactManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message =
      issue.code === "unrecognized_keys"
        ? `has an unexpected field: ${issue.keys.join(", ")}`
        : issue.message;
    return { error: `vitrine.json is not valid: ${where(issue.path)}: ${message}` };
  }
  return { manifest: parsed.data };
}

/** The code limit, named like the publish form's. */
export const CODE_TOO_BIG = (n: number) =>
  `The code of version ${n} is over ${MiB(LIMITS.codeBytes)}, the limit for one version.`;

/** The /import form: one uploaded zip, and for an account zip the original id of one artifact. */
export const importFormSchema = z
  .object({
    file: z
      .file({ error: "Choose a Vitrine .zip file to import." })
      .min(1, "Choose a Vitrine .zip file to import.")
      .max(ARCHIVE_LIMITS.uploadBytes, UPLOAD_TOO_BIG),
    artifact: z
      .string()
      .trim()
      .max(64, "An artifact id has at most 64 characters.")
      .optional()
      .transform((value) => value || null),
  })
  .strict();
