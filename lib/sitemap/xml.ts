// Sitemap XML (sitemaps.org 0.9), written by hand: two tiny documents, and the values are our own
// ids, handles and dates — escaped all the same.

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

export function sitemapIndexXml(locations: string[]): string {
  const items = locations.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `${HEAD}<sitemapindex ${NS}>\n${items.join("\n")}\n</sitemapindex>\n`;
}

export type UrlEntry = { loc: string; lastModified?: Date };

export function urlSetXml(entries: UrlEntry[]): string {
  const items = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</url>`,
  );
  return `${HEAD}<urlset ${NS}>\n${items.join("\n")}\n</urlset>\n`;
}

export function xmlResponse(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
