// A transcript as text, the way it comes out of an assistant's page or a Markdown exporter: a speaker
// line ("You said:", "ChatGPT said:", "Human:", "Assistant:", "## User", "**You:**", "## Prompt:")
// starts each message, and everything up to the next speaker line is its content.
import type { ImportedMessage } from "./types";

const USER = new Set(["you", "user", "human", "me", "prompt"]);
const ASSISTANT = new Set([
  "assistant",
  "chatgpt",
  "claude",
  "gpt",
  "gpt-4",
  "gpt-4o",
  "ai",
  "bot",
  "gemini",
  "copilot",
  "response",
]);
const SYSTEM = new Set(["system"]);

const NAMES =
  "you|user|human|me|prompt|assistant|chatgpt|claude|gpt|gpt-4o?|ai|bot|gemini|copilot|response|system";

/** "You said:" / "ChatGPT said:" alone on a line (chatgpt.com's copy of a whole conversation). */
const SAID = new RegExp(`^(${NAMES})\\s+said\\s*:\\s*$`, "i");
/** "## User", "### Assistant:", "# Human" — a Markdown heading naming a role, alone. */
const HEADING = new RegExp(`^#{1,6}\\s*(${NAMES})\\s*:?\\s*$`, "i");
/** "**You:** text", "**Assistant**:" — a bold name, with or without the message on the same line. */
const BOLD = new RegExp(`^\\*\\*(${NAMES})\\s*:?\\s*\\*\\*\\s*:?\\s*(.*)$`, "i");
/** "Human: text", "Assistant:" — the plain prefix of API-style transcripts. */
const PREFIX = new RegExp(`^(${NAMES})\\s*:\\s*(.*)$`, "i");

export function roleOf(name: string): string {
  const key = name.toLowerCase();
  if (USER.has(key)) return "user";
  if (ASSISTANT.has(key)) return "assistant";
  if (SYSTEM.has(key)) return "system";
  return key;
}

type Marker = { role: string; rest: string };

function markerOf(line: string, allowPrefix: boolean): Marker | null {
  const trimmed = line.trim();
  const said = SAID.exec(trimmed) ?? HEADING.exec(trimmed);
  if (said) return { role: roleOf(said[1]!), rest: "" };
  const bold = BOLD.exec(trimmed);
  if (bold) return { role: roleOf(bold[1]!), rest: bold[2] ?? "" };
  if (allowPrefix) {
    const prefix = PREFIX.exec(line); // not trimmed: an indented "user: 1" inside code is content
    if (prefix) return { role: roleOf(prefix[1]!), rest: prefix[2] ?? "" };
  }
  return null;
}

export type SpeakerTextResult = {
  messages: ImportedMessage[];
  /** Non-blank lines before the first speaker line, which belong to no message. */
  skippedLines: number;
  /** Speaker lines followed by nothing. */
  emptyMessages: number;
};

/**
 * Splits text at speaker lines. "Name: …" prefixes count only when the text has no stronger
 * marker (headings, bold names, "said:"), so a line like "User: 42" inside a Markdown transcript
 * stays content. Lines inside ``` fences never start a message.
 */
export function parseSpeakerText(text: string): SpeakerTextResult | null {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const strong = lines.some((line) => markerOf(line, false));
  const messages: ImportedMessage[] = [];
  let current: { role: string; lines: string[] } | null = null;
  let skippedLines = 0;
  let emptyMessages = 0;
  let inFence = false;
  const flush = () => {
    if (!current) return;
    const content = current.lines.join("\n").trim();
    if (content) messages.push({ role: current.role, content });
    else emptyMessages += 1;
  };
  for (const line of lines) {
    const marker = inFence ? null : markerOf(line, !strong);
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (marker) {
      flush();
      current = { role: marker.role, lines: marker.rest ? [marker.rest] : [] };
    } else if (current) current.lines.push(line);
    else if (line.trim()) skippedLines += 1;
  }
  flush();
  if (messages.length === 0 && emptyMessages === 0) return null;
  return { messages, skippedLines, emptyMessages };
}
