// Title and description suggestions from what the author already has: the code and the chat
// (issue 15, part 2). Pure and local: the publish form's "Suggest" button uses it directly, and as
// the fallback whenever the optional language-model endpoint is absent, slow or wrong.

export const SUGGESTED_TITLE_MAX = 80;
export const SUGGESTED_DESCRIPTION_MAX = 300;

export type SuggestInput = {
  code: string;
  language: string;
  /** The first user message of the chat transcript, if any. */
  firstUserMessage?: string | null;
};

export type Suggestion = { title: string | null; description: string | null };

/** Names that say nothing about the artifact: the chat or a heading says more. */
const GENERIC_NAMES = new Set([
  "app",
  "main",
  "component",
  "index",
  "default",
  "page",
  "root",
  "home",
  "demo",
  "example",
]);

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** One line of readable text: tags and control/invisible characters out, whitespace collapsed. */
export function cleanText(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, " "))
    .replace(
      /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** Shortens at a word boundary, with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** `PomodoroTimer` → "Pomodoro Timer", `SVGPathEditor` → "SVG Path Editor", `kanban_board` → "Kanban Board". */
export function splitIdentifier(name: string): string {
  const words = name
    .replace(/[_$-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.map((w) => (w === w.toUpperCase() ? w : w[0]!.toUpperCase() + w.slice(1))).join(" ");
}

function firstMatch(code: string, pattern: RegExp): string | null {
  const match = pattern.exec(code);
  const text = match?.[1] ? cleanText(match[1]) : "";
  return text || null;
}

const HTML_TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const HTML_HEADING = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/i;
const META_DESCRIPTION = /<meta\s+[^>]*name=["']description["'][^>]*content=["']([^"']*)["']/i;

/** The default-exported component's name: `export default function X`, `class X`, `X` at the end, `memo(X)`. */
export function defaultExportName(code: string): string | null {
  const direct =
    /export\s+default\s+(?:async\s+)?(?:function\s*\*?|class)\s+([A-Za-z_$][\w$]*)/.exec(code);
  if (direct) return direct[1]!;
  const named =
    /export\s+default\s+(?:React\.)?(?:memo|forwardRef)?\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*;?\s*$/m.exec(
      code,
    );
  if (named && !["function", "class", "async"].includes(named[1]!)) return named[1]!;
  const asDefault = /export\s*\{[^}]*\b([A-Za-z_$][\w$]*)\s+as\s+default\b/.exec(code);
  return asDefault ? asDefault[1]! : null;
}

function markdownHeading(code: string): string | null {
  const atx = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(code);
  const setext = /^([^\n#>\-*].*)\n\s{0,3}(=+|-+)\s*$/m.exec(code);
  const pick =
    atx && setext ? (atx.index < setext.index ? atx[1] : setext[1]) : (atx?.[1] ?? setext?.[1]);
  return pick ? cleanText(pick.replace(/[*_`[\]]/g, "")) || null : null;
}

function titleFromCode(code: string, language: string): string | null {
  switch (language) {
    case "html":
      return firstMatch(code, HTML_TITLE) ?? firstMatch(code, HTML_HEADING);
    case "svg":
      return firstMatch(code, /<title[^>]*>([\s\S]*?)<\/title>/i);
    case "markdown":
      return markdownHeading(code);
    case "jsx":
    case "tsx":
    case "javascript": {
      const name = defaultExportName(code);
      if (name && !GENERIC_NAMES.has(name.toLowerCase())) return splitIdentifier(name);
      // `export default function App()` says nothing; its first heading usually does.
      return firstMatch(code, HTML_HEADING) ?? firstMatch(code, HTML_TITLE);
    }
    default:
      return null;
  }
}

/** What people open a request with, which makes a poor title: "Can you make me a …" → "…". */
const REQUEST_OPENERS =
  /^(?:(?:hi|hey|hello)[,!.]?\s+)?(?:(?:can|could|would) you\s+(?:please\s+)?|please\s+)?(?:(?:make|build|create|write|generate|design|code|give)\s+(?:me\s+)?)?(?:an?\s+|the\s+)?/i;

function titleFromChat(message: string): string | null {
  const firstSentence = cleanText(message).split(/(?<=[.!?])\s|\n/)[0] ?? "";
  const stripped = firstSentence
    .replace(REQUEST_OPENERS, "")
    .replace(/[.!?]+$/, "")
    .trim();
  if (stripped.length < 3) return null;
  return clip(stripped[0]!.toUpperCase() + stripped.slice(1), SUGGESTED_TITLE_MAX);
}

function descriptionFromChat(message: string): string | null {
  const text = cleanText(message);
  return text ? clip(text, SUGGESTED_DESCRIPTION_MAX) : null;
}

/**
 * The local suggestion: a title from the code (HTML `<title>` or first heading, the default-exported
 * component's name in words, an SVG `<title>`, Markdown's first heading), else from the chat's first
 * user message; a description from that message, else the page's meta description.
 */
export function suggestFromCode({ code, language, firstUserMessage }: SuggestInput): Suggestion {
  const message = firstUserMessage?.trim() || null;
  const fromCode = titleFromCode(code, language);
  const title = fromCode
    ? clip(fromCode, SUGGESTED_TITLE_MAX)
    : message
      ? titleFromChat(message)
      : null;
  const description =
    (message && descriptionFromChat(message)) ??
    (language === "html" ? firstMatch(code, META_DESCRIPTION) : null);
  return { title, description: description ? clip(description, SUGGESTED_DESCRIPTION_MAX) : null };
}

/** The first message whose role is "user" in a pasted transcript (`{messages}` or an array); null otherwise. */
export function firstUserMessage(chatJson: string | null | undefined): string | null {
  if (!chatJson?.trim()) return null;
  try {
    const parsed: unknown = JSON.parse(chatJson);
    const list = Array.isArray(parsed)
      ? parsed
      : parsed && typeof parsed === "object"
        ? (parsed as { messages?: unknown }).messages
        : null;
    if (!Array.isArray(list)) return null;
    for (const m of list) {
      if (m && typeof m === "object" && (m as { role?: unknown }).role === "user") {
        const content = (m as { content?: unknown }).content;
        if (typeof content === "string" && content.trim()) return content;
      }
    }
  } catch {
    return null;
  }
  return null;
}
