// @ts-check
// The one place that reads process.env. Validated once; a bad value fails at start with a message
// naming the variable. next.config.js imports this so `next build` / `next start` check it too.
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional();
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  DATABASE_URL: optionalString,
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(5000),
  EMBEDDED_PG_PORT: port.optional(),
  VITRINE_DATA_DIR: optionalString,
  APP_ORIGIN: optionalUrl,
  PREVIEW_ORIGIN: optionalUrl,
  AUTH_SECRET: optionalString,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  UPLOADTHING_TOKEN: optionalString,
  UPLOAD_DIR: optionalString,
  CHROMIUM_PATH: optionalString,
  THUMBNAILS: z.enum(["on", "off"]).default("on"),
  // Renders in flight per worker process (each takes a core; one browser serves them all).
  THUMBNAIL_CONCURRENCY: z.coerce.number().int().min(1).max(4).default(1),
  // A page whose main thread answers nothing for this long is cut off (an endless loop).
  THUMBNAIL_STALL_MS: z.coerce.number().int().min(500).max(120000).default(10000),
  // However responsive, a render never takes longer than this.
  THUMBNAIL_HARD_LIMIT_MS: z.coerce.number().int().min(1000).max(600000).default(60000),
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
});

/** @typedef {z.infer<typeof schema>} Env */

/** @returns {Env} */
function parseEnv() {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv();

/** The origin users browse the app on, e.g. http://localhost:3000. */
export function appOrigin() {
  return (env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/**
 * The separate origin that serves artifact previews. In development it is the same server reached
 * as 127.0.0.1 — a different host, so the app's cookies (set for localhost) never reach it.
 */
export function previewOrigin() {
  return (env.PREVIEW_ORIGIN ?? `http://127.0.0.1:${env.PORT}`).replace(/\/$/, "");
}
