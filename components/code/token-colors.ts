// Shiki's github-light token colours, as short class names styled in app/globals.css (`.syntax
// .k0`…), where dark mode gives each its github-dark counterpart. The code view and the diff both
// use them: a class is a few bytes per token instead of an inline style, and it can change with
// the colour scheme. Any other colour is set inline.
export const COLOR_CLASS: Record<string, string> = {
  "#D73A49": "k0",
  "#005CC5": "k1",
  "#6F42C1": "k2",
  "#032F62": "k3",
  "#6A737D": "k4",
  "#22863A": "k5",
  "#E36209": "k6",
  "#B31D28": "k7",
};
/** The theme's default text colour: no class or style needed. */
export const DEFAULT_COLOR = "#24292E";

/** The class for a token colour, undefined for the default colour; `inline` for any other colour. */
export function tokenColor(color: string | undefined): { className?: string; inline?: string } {
  const upper = color?.toUpperCase();
  if (!upper || upper === DEFAULT_COLOR) return {};
  const known = COLOR_CLASS[upper];
  return known ? { className: known } : { inline: color };
}
