// Runs once when the Next.js server starts. The thumbnail worker lives in the server process, so
// `npm start` needs no extra command; THUMBNAILS=off turns it off (e.g. on a web-only replica).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.THUMBNAILS === "off" || !env.DATABASE_URL) return;
  const { startThumbnailWorker } = await import("@/lib/thumbnails/worker");
  // Never block or crash start-up on the queue: log and carry on serving pages.
  startThumbnailWorker().catch((err) => {
    console.error(`[thumbnails] worker did not start: ${err instanceof Error ? err.message : String(err)}`);
  });
}
