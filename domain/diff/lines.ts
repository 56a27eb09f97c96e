// Text to lines, keeping what ends each line: the line ending (LF or CRLF) and whether the last
// line has one at all are part of the text, so they are part of the diff (as in git: a CRLF→LF
// change or a removed final newline is a changed line, shown with a marker).

export const LF = 0;
export const CRLF = 1;
/** The last line of a text that does not end with a newline. */
export const NO_EOL = 2;
export type Eol = typeof LF | typeof CRLF | typeof NO_EOL;

export type TextLines = { lines: string[]; eols: Uint8Array };

export function splitText(text: string): TextLines {
  if (text === "") return { lines: [], eols: new Uint8Array(0) };
  const lines = text.split("\n");
  const last = lines.length - 1;
  const finalNewline = lines[last] === "";
  if (finalNewline) lines.pop();
  const eols = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    if (i === last) eols[i] = NO_EOL;
    else if (lines[i]!.endsWith("\r")) {
      lines[i] = lines[i]!.slice(0, -1);
      eols[i] = CRLF;
    }
  }
  return { lines, eols };
}

/** Splits text into lines without their endings; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  return splitText(text).lines;
}

const EOL_TEXT = ["\n", "\r\n", ""];

/**
 * What two lines are compared by: the content and its ending — or, ignoring whitespace, the content
 * without any whitespace (line endings are whitespace too, as with `git diff -w`).
 */
export function lineKeys(text: TextLines, ignoreWhitespace: boolean): string[] {
  if (ignoreWhitespace) return text.lines.map((line) => line.replace(/\s+/g, ""));
  return text.lines.map((line, i) => line + EOL_TEXT[text.eols[i]!]);
}

/** Whether any line of the text ends in CRLF (the diff then labels line endings on changed lines). */
export function hasCrlf(text: TextLines): boolean {
  return text.eols.includes(CRLF);
}
