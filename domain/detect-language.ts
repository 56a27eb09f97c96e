// Guesses the language of pasted or typed code, so the editor can pick it (and its preview) without
// asking. Pure and cheap (a few regular expressions over the first 20 000 characters): it runs in the
// browser on every pause in typing. A guess, never a rule: the editor lets a manual choice win.
import type { Language } from "./languages";

/** Enough to recognise any real artifact; keeps detection cheap on a 1 MB paste. */
const SAMPLE = 20_000;

type Rule = [pattern: RegExp, weight: number];

const HTML_DOCUMENT = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const SVG_ROOT =
  /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+svg[^>]*>\s*)?<svg[\s>]/i;

// JSX: markup inside JavaScript — a tag after return/=>/( or a capitalised component tag.
const JSX_RULES: Rule[] = [
  [/(?:return|=>)\s*\(?\s*<[A-Za-z>]/, 4],
  [/<[A-Z][A-Za-z0-9.]*[\s/>]/, 2],
  [/\bclassName=/, 3],
  [/^\s*import\s[^;\n]*\bfrom\s+["']react(?:-dom)?(?:\/[a-z-]+)?["']/m, 4],
  [/\buse(?:State|Effect|Ref|Memo|Callback|Reducer|Context)\s*[(<]/, 2],
  [/^\s*export\s+default\s+(?:function|class|\(|[A-Z])/m, 1],
  [/\bon[A-Z][a-z]+=\{/, 2],
];

// TypeScript syntax that JavaScript does not have.
const TS_RULES: Rule[] = [
  [/^\s*(?:export\s+)?interface\s+[A-Z]\w*(?:<[^>]*>)?\s*(?:extends\s[^{]+)?\{/m, 4],
  [/^\s*(?:export\s+)?type\s+[A-Z]\w*(?:<[^>]*>)?\s*=/m, 4],
  [/\b(?:const|let|var)\s+\w+\s*:\s*[A-Za-z_][\w.<>[\]|, ]*\s*=/, 3],
  [/\(\s*\{?[\w\s,]*\}?\s*:\s*[A-Z]\w*(?:<[^>]*>)?\s*\)/, 3],
  [/\(\s*\w+\??\s*:\s*(?:string|number|boolean|any|unknown|void|[A-Z]\w*(?:\[\])?)\b/, 3],
  [/\)\s*:\s*(?:string|number|boolean|void|Promise<|JSX\.Element|React\.\w+)/, 3],
  [/\buse(?:State|Ref|Memo|Callback|Reducer|Context)<[^>(]+>\s*\(/, 3],
  [/\bas\s+(?:const|string|number|any|unknown|HTML\w+Element|[A-Z]\w*)\b/, 2],
  [/\bReact\.FC\b|:\s*React\.\w+/, 3],
  [/^\s*import\s+type\s/m, 4],
  [/\b(?:private|public|readonly)\s+\w+\s*[:;=]/, 2],
];

const JS_RULES: Rule[] = [
  [/^\s*(?:const|let|var)\s+[\w${}[\],\s]+=/m, 2],
  [/^\s*(?:async\s+)?function\s*\*?\s*\w*\s*\(/m, 2],
  [/=>/, 1],
  [/\b(?:document|window|console)\.\w+/, 2],
  [/^\s*import\s[^;\n]*\bfrom\s+["'][^"']+["']/m, 2],
  [/^\s*export\s+(?:default|const|function|class)\b/m, 2],
  [/;\s*$/m, 1],
  [/\b(?:setup|draw)\s*\(\s*\)\s*\{/, 2],
];

const PYTHON_RULES: Rule[] = [
  [/^\s*def\s+\w+\s*\([^)]*\)\s*(?:->\s*[^:]+)?:\s*$/m, 5],
  [/^\s*class\s+\w+(?:\([^)]*\))?:\s*$/m, 4],
  [/^\s*from\s+[\w.]+\s+import\s+[\w*(]/m, 5],
  [/^\s*import\s+[\w.]+(?:\s+as\s+\w+)?\s*$/m, 3],
  [/^\s*if\s+__name__\s*==\s*["']__main__["']\s*:/m, 6],
  [/^\s*(?:elif|except|finally|with|for|while|if)\b[^\n{};]*:\s*$/m, 3],
  [/\bprint\(/, 1],
  [/\bself\.\w+/, 2],
  [/\b(?:True|False|None)\b/, 1],
  [/^\s*@\w+(?:\.\w+)*(?:\(.*\))?\s*$/m, 1],
  [/\bf["'][^"'\n]*\{[^}\n]+\}/, 2],
];

const CSS_RULES: Rule[] = [
  // A selector line: no parentheses, "=" or ";" (which would make it a script's block).
  [/^[ \t]*[.#:*a-zA-Z][^\n{}();=]{0,200}\{[ \t]*$/m, 3],
  [/^\s*[a-z-]+\s*:\s*[^;{}\n]+;\s*$/m, 2],
  [/^\s*@(?:media|keyframes|import|font-face|supports|layer|tailwind|apply)\b/m, 3],
  [/--[\w-]+\s*:\s*[^;]+;/, 2],
  [/\b(?:px|rem|em|vh|vw)\s*;/, 1],
];

const MARKDOWN_RULES: Rule[] = [
  [/^#{1,6}\s+\S/m, 2],
  [/^#{2,6}\s+\S/m, 2],
  [/^\s*(?:[-*+]|\d+\.)\s+\S/m, 1],
  [/^```/m, 3],
  [/\*\*[^*\n]+\*\*/, 2],
  [/\[[^\]\n]+\]\([^)\s]+\)/, 2],
  [/^>\s+\S/m, 1],
  [/^\|.*\|\s*$/m, 1],
];

function score(text: string, rules: Rule[]): number {
  let total = 0;
  for (const [pattern, weight] of rules) if (pattern.test(text)) total += weight;
  return total;
}

function isJson(text: string): boolean {
  if (!/^[[{]/.test(text) || !/[\]}]$/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Markup that is neither a full document nor SVG: an HTML fragment (`<div>…`, `<style>…`). */
function looksLikeHtmlFragment(text: string): boolean {
  if (!/^<[a-z!]/i.test(text)) return false;
  return /<\/?(?:div|p|span|h[1-6]|section|main|header|footer|nav|ul|li|table|form|button|canvas|script|style|link|meta|a|img|input|label)\b/i.test(
    text,
  );
}

/**
 * The language of `code`, or null when there is nothing to go on (empty, or too little to tell).
 * JSON is not a previewable language: it is reported as "other" (code shown as text).
 */
export function detectLanguage(code: string): Language | null {
  const text = code.slice(0, SAMPLE).trim();
  if (!text) return null;
  if (isJson(text)) return "other";
  if (SVG_ROOT.test(text)) return "svg";
  if (HTML_DOCUMENT.test(text) || looksLikeHtmlFragment(text)) return "html";

  const jsx = score(text, JSX_RULES);
  const ts = score(text, TS_RULES);
  const js = score(text, JS_RULES);
  const py = score(text, PYTHON_RULES);
  const css = score(text, CSS_RULES);
  const md = score(text, MARKDOWN_RULES);
  const script = js + jsx + ts;

  if (jsx >= 4 && jsx + js >= py) return ts >= 3 ? "tsx" : "jsx";
  // TypeScript without markup still previews best as TSX (the React runtime transpiles it).
  if (ts >= 6 && ts + js > py) return "tsx";
  // CSS: rules and declarations, and none of the script or prose markers around them.
  if (css >= 5 && css > script && css > py && !/^#{1,6}\s/m.test(text)) return "css";
  const best = Math.max(script, py, md);
  if (best < 3) return null;
  if (py === best && py > script) return "python";
  if (md === best && md > script && md > py) return "markdown";
  if (script === best) return ts >= 6 ? "tsx" : "javascript";
  return null;
}
