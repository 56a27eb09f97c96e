import { isbot } from "isbot";

// Who counts as a viewer. Crawlers, link-preview fetchers (Slack, Discord, WhatsApp, Facebook …),
// headless browsers and HTTP libraries are recognised by isbot's maintained pattern list; a request
// with no user agent at all is a script too. Owners are left out in SQL (db/queries/views.ts).

/** Longest user agent we hash; longer ones are cut (they are still one visitor). */
export const MAX_USER_AGENT = 512;

export function isCountableUserAgent(userAgent: string | null | undefined): boolean {
  const ua = (userAgent ?? "").trim();
  return ua.length > 0 && !isbot(ua);
}

/** The UTC calendar day of an instant, as PostgreSQL's `date` text (YYYY-MM-DD). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
