// The words of a Markdown text without its markup, for places that show one clamped line of it
// (cards, social cards): "**bounces** off [walls](https://…)" → "bounces off walls". Not a parser:
// it removes the markers people use in one-line descriptions and leaves anything else as written.
export function markdownPlainText(source: string | null | undefined): string {
  return (source ?? "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images → their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // links → their text
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "") // headings, quotes, list markers
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, "$2") // bold, strikethrough
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?!\w)/g, "$1$3") // italics, not snake_case
    .replace(/`([^`]+)`/g, "$1") // code spans keep their text
    .replace(/\s+/g, " ")
    .trim();
}
