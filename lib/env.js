// @ts-check
// The one place that reads process.env. Validated once; a bad value fails at start with a message
// naming the variable. next.config.js imports this so `next build` / `next start` check it too.
import { z } from "zod";
import { parseTrustedProxies } from "./net/forwarded.js";

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
  // The address the server listens on; unset: every interface, IPv4 and IPv6.
  HOST: optionalString,
  DATABASE_URL: optionalString,
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(5000),
  // How long a write waits for a row lock, and for a write slot, before "busy, try again" (db/busy.ts).
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(2000),
  DB_WRITE_QUEUE_MS: z.coerce.number().int().min(100).max(60000).default(5000),
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
  // A render job whose worker vanished (SIGKILL, OOM, a lost machine) is retried after this long;
  // keep it above THUMBNAIL_HARD_LIMIT_MS so a slow render is never retried while it still runs.
  THUMBNAIL_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
  // How often a consuming process lets pg-boss expire, retry and archive jobs (one process at a time).
  QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // The shared cache of anonymous public pages (lib/page-cache, README "Fast public pages"); "off" renders
  // every request, as before.
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  // A cached page older than this is dropped by the pruner and rendered again on its next request —
  // the bound on what a write that does not invalidate (a view count) may leave on a page.
  PAGE_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(10).max(604800).default(3600),
  // A page bigger than this is served but never stored.
  PAGE_CACHE_MAX_BYTES: z.coerce.number().int().min(1024).max(16777216).default(2097152),
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  // Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated); unset:
  // none, the socket address is the client (lib/net/forwarded.js).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      const parsed = parseTrustedProxies(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    }),
  // What this process does: "all" (the one-command demo: web + thumbnail worker), "web" (pages and
  // API only, any number of them) or "worker" (the queue consumer that owns Chromium).
  VITRINE_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  // "1" allows demo conveniences under NODE_ENV=production: embedded database, demo accounts,
  // generated AUTH_SECRET, localhost origins. `npm start` sets it for its own child processes.
  VITRINE_DEMO: z.enum(["0", "1"]).default("0"),
  // The least severe JSON log line written (lib/log): "debug" to see more, "warn" for less.
  // Optional OpenAI-compatible endpoint for title/description suggestions on /new (all three, or
  // none: the local suggestion is used). LLM_BASE_URL is the part before /chat/completions.
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(60000).default(8000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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

/** Production rules apply: NODE_ENV=production and no explicit VITRINE_DEMO=1. */
export function isProduction(e = env) {
  return e.NODE_ENV === "production" && e.VITRINE_DEMO !== "1";
}

/**
 * The site of a host: its last two labels ("preview.example.com" → "example.com"), or the IP.
 * @param {string} hostname
 */
function siteOf(hostname) {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(":")) return hostname;
  return hostname.split(".").slice(-2).join(".");
}

/**
 * What a production process lacks, one sentence per variable (empty when all is well). Checked when
 * a server or worker starts — never during `next build`, which runs without secrets.
 */
export function productionConfigProblems(e = env) {
  if (!isProduction(e)) return [];
  const problems = [];
  if (!e.DATABASE_URL)
    problems.push(
      "DATABASE_URL is required in production (postgres://user:password@host:5432/db); the embedded database is for the demo only.",
    );
  if (!e.AUTH_SECRET)
    problems.push(
      "AUTH_SECRET is required in production: a random secret of at least 32 characters (openssl rand -base64 32).",
    );
  else if (e.AUTH_SECRET.length < 32)
    problems.push(
      "AUTH_SECRET is too short: use at least 32 random characters (openssl rand -base64 32).",
    );
  if (!e.APP_ORIGIN)
    problems.push(
      "APP_ORIGIN is required in production: the public origin of the app, e.g. https://vitrine.example.",
    );
  if (!e.PREVIEW_ORIGIN)
    problems.push(
      "PREVIEW_ORIGIN is required in production: the origin serving artifact previews, on another site than APP_ORIGIN, e.g. https://vitrine-preview.example.",
    );
  if (e.APP_ORIGIN && e.PREVIEW_ORIGIN) {
    const app = new URL(e.APP_ORIGIN);
    const preview = new URL(e.PREVIEW_ORIGIN);
    if (siteOf(app.hostname) === siteOf(preview.hostname)) {
      problems.push(
        `PREVIEW_ORIGIN (${preview.host}) must be on another site than APP_ORIGIN (${app.host}), so artifact code never shares the app's cookies or storage.`,
      );
    }
  }
  return problems;
}

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
