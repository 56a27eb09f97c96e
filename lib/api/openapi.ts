import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import { GALLERY_SORTS } from "@/domain/gallery/params";
import { LANGUAGE_KEYS } from "@/domain/languages";
import {
  apiCommentSchema,
  apiForkSchema,
  apiPublishSchema,
  apiSaveVersionSchema,
  apiSettingsSchema,
  apiSyncSchema,
} from "@/domain/validation/api";
import * as S from "./schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with
// (domain/validation/api.ts) and answer with (lib/api/schemas.ts). Served at /api/v1/openapi.json
// and rendered at /docs/api; the contract test validates every response against it.

const id = z.uuid().meta({ description: "The artifact's id." });
const version = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .meta({ description: "A version number: 1, 2, …" });
const cursor = z
  .string()
  .max(200)
  .optional()
  .meta({ description: "nextCursor of the previous page." });
const idempotencyKey = z.string().max(200).optional().meta({
  description:
    "Same key + same body within 24 h → the first answer again, nothing created twice; same key + another body → 422.",
});
const ifNoneMatch = z
  .string()
  .optional()
  .meta({ description: "An ETag from an earlier answer: 304 when unchanged." });

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const error = (description: string) => json(S.errorSchema, description);
const zip = z.string().meta({ format: "binary", description: "A Vitrine zip." });
const notModified = { description: "Not modified (If-None-Match matched the ETag)." };
const body = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema } },
});

const readErrors = {
  "401": error("The Authorization header is present but the token is unknown, expired or revoked."),
  "404": error("No such artifact, or one you may not see: the two answer the same."),
};
const writeErrors = {
  "400": error("The body is not JSON, is too deep or too wide, or a header is malformed."),
  "401": error("No token, or an unknown, expired or revoked one. Cookies are never accepted."),
  "403": error("The token has the read scope."),
  "404": error("No such artifact, or not yours: the two answer the same."),
  "413": error("The body is over 8 MB."),
  "415": error("The body is not application/json."),
  "422": error(
    "A field is refused (fields names each), or the Idempotency-Key was used for another body.",
  ),
  "429": error("Rate limited: Retry-After says when to retry."),
  "503": error("Busy: retry after Retry-After seconds."),
};

function read(summary: string, schema: z.ZodType, extra: Partial<ZodOpenApiOperationObject> = {}) {
  return {
    summary,
    ...extra,
    requestParams: {
      ...extra.requestParams,
      header: z.object({ "if-none-match": ifNoneMatch }),
    },
    responses: { "200": json(schema, "OK, with an ETag."), "304": notModified, ...readErrors },
  } satisfies ZodOpenApiOperationObject;
}

function write(
  summary: string,
  status: "200" | "201",
  schema: z.ZodType,
  extra: Partial<ZodOpenApiOperationObject> = {},
  idempotent = false,
) {
  return {
    summary,
    security: [{ bearer: [] }],
    ...extra,
    requestParams: {
      ...extra.requestParams,
      ...(idempotent ? { header: z.object({ "idempotency-key": idempotencyKey }) } : {}),
    },
    responses: { [status]: json(schema, status === "201" ? "Created." : "OK."), ...writeErrors },
  } satisfies ZodOpenApiOperationObject;
}

const artifactPath = { path: z.object({ id }) };
const versionPath = { path: z.object({ id, version }) };
const conflict = { "409": error("Stale parent: `current` names the artifact's current version.") };

export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Vitrine API",
      version: "1",
      description:
        "Publish, version, diff and fork live code artifacts from scripts and tools. Authenticate with a personal access token (Settings → Tokens) sent as Authorization: Bearer vit_…; reads of public artifacts need no token.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal access token (vit_…)." },
      },
    },
    paths: {
      "/artifacts": {
        get: read("List and search public artifacts", S.artifactPageSchema, {
          requestParams: {
            query: z.object({
              sort: z.enum(GALLERY_SORTS).optional().meta({ description: "Default newest." }),
              language: z.enum(LANGUAGE_KEYS as [string, ...string[]]).optional(),
              q: z
                .string()
                .max(200)
                .optional()
                .meta({ description: "Search title, description and owner." }),
              cursor,
            }),
          },
        }),
        post: write(
          "Publish an artifact (its version 1)",
          "201",
          S.artifactSchema,
          { requestBody: body(apiPublishSchema) },
          true,
        ),
      },
      "/artifacts/{id}": {
        get: read("Read an artifact with its current version", S.artifactSchema, {
          requestParams: artifactPath,
        }),
        patch: write("Change an artifact's settings", "200", S.artifactSchema, {
          requestParams: artifactPath,
          requestBody: body(apiSettingsSchema),
        }),
        delete: write("Delete an artifact and all its versions", "200", S.deletedSchema, {
          requestParams: artifactPath,
        }),
      },
      "/artifacts/{id}/versions": {
        get: read("List versions (metadata only), newest first", S.versionListSchema, {
          requestParams: { ...artifactPath, query: z.object({ cursor }) },
        }),
        post: {
          ...write(
            "Save a new version against the version it was edited from",
            "201",
            S.createdVersionSchema,
            { requestParams: artifactPath, requestBody: body(apiSaveVersionSchema) },
            true,
          ),
          responses: {
            "201": json(S.createdVersionSchema, "Created."),
            ...writeErrors,
            ...conflict,
          },
        },
      },
      "/artifacts/{id}/versions/{version}": {
        get: read("Read one version: code, and chat when allowed", S.versionSchema, {
          requestParams: versionPath,
        }),
      },
      "/artifacts/{id}/versions/{version}/restore": {
        post: write(
          "Restore: a new version with this version's content",
          "201",
          S.createdVersionSchema,
          { requestParams: versionPath },
          true,
        ),
      },
      "/artifacts/{id}/diff": {
        get: read("Diff two versions", S.diffSchema, {
          requestParams: {
            ...artifactPath,
            query: z.object({
              from: z.string().optional().meta({
                description:
                  "`3`, or `<artifact id>:3` across a fork. Default: the parent of `to`.",
              }),
              to: z.string().optional().meta({ description: "Default: the current version." }),
              ignoreWhitespace: z.enum(["1"]).optional(),
            }),
          },
        }),
      },
      "/artifacts/{id}/forks": {
        get: read("The fork tree: ancestors and direct forks", S.forkTreeSchema, {
          requestParams: {
            ...artifactPath,
            query: z.object({ sort: z.enum(["date", "likes"]).optional(), cursor }),
          },
        }),
        post: write(
          "Fork an artifact",
          "201",
          S.artifactSchema,
          { requestParams: artifactPath, requestBody: body(apiForkSchema) },
          true,
        ),
      },
      "/artifacts/{id}/sync": {
        post: write(
          "Sync from upstream: bring a version of another artifact in as the next version",
          "201",
          S.createdVersionSchema,
          { requestParams: artifactPath, requestBody: body(apiSyncSchema) },
          true,
        ),
      },
      "/artifacts/{id}/like": {
        put: write("Like", "200", S.likeSchema, { requestParams: artifactPath }),
        delete: write("Unlike", "200", S.likeSchema, { requestParams: artifactPath }),
      },
      "/artifacts/{id}/comments": {
        get: read("List comments", S.commentPageSchema, {
          requestParams: {
            ...artifactPath,
            query: z.object({ order: z.enum(["newest", "oldest"]).optional(), cursor }),
          },
        }),
        post: write(
          "Comment",
          "201",
          S.commentCreatedSchema,
          { requestParams: artifactPath, requestBody: body(apiCommentSchema) },
          true,
        ),
      },
      "/artifacts/{id}/export": {
        get: {
          summary:
            "Download the artifact as a Vitrine zip: every version you may see and vitrine.json (metadata, lineage, chat when you may read it)",
          requestParams: artifactPath,
          responses: {
            "200": { description: "The zip.", content: { "application/zip": { schema: zip } } },
            ...readErrors,
          },
        },
      },
      "/imports": {
        post: {
          summary:
            "Import a Vitrine zip (an artifact's, or one artifact of an account export) as a new private artifact, its version history kept",
          security: [{ bearer: [] }],
          requestParams: {
            query: z.object({
              artifact: z.string().max(100).optional().meta({
                description: "For an account zip: the original id of the artifact to import.",
              }),
            }),
          },
          requestBody: { required: true, content: { "application/zip": { schema: zip } } },
          responses: {
            "201": json(S.importedSchema, "Imported."),
            ...writeErrors,
            "413": error("The archive is over 3 MB."),
            "415": error("The body is not application/zip."),
            "422": error(
              "The archive is refused (a zip bomb, a bad entry name, too many versions, a malformed vitrine.json…): the message says which.",
            ),
          },
        },
      },
      "/users/{handle}": {
        get: read("A profile with a page of its artifacts", S.profileSchema, {
          requestParams: {
            path: z.object({ handle: z.string() }),
            query: z.object({ sort: z.enum(["newest", "liked"]).optional(), cursor }),
          },
        }),
      },
    },
  });
}
