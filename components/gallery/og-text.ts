// Text for next/og cards. The bundled font covers Latin; for any other glyph (emoji, CJK, ♥…) satori
// would fetch an emoji image or a Google font from the network, which a server must never depend
// on (and an emoji fetch failure fails the whole image). So cards keep only what the font draws.
export function ogText(value: string | null | undefined, max: number, fallback = ""): string {
  const kept = (value ?? "")
    .replace(/[^\u0020-\u007e\u00a0-\u024f\u2010-\u2027]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!kept) return fallback;
  return kept.length > max ? `${kept.slice(0, max - 3).trimEnd()}...` : kept;
}
