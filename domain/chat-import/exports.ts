// The JSON of the assistants' own data exports (Settings → Data controls → Export).
//  ChatGPT: conversations.json = [{ id, title, create_time, current_node, mapping: { <node id>:
//    { id, parent, children, message: { author: { role }, content: { content_type, parts }, create_time,
//      metadata } } } }]. The mapping is a tree (edits and regenerations branch it); the conversation
//    as the person last saw it is the path from current_node up to the root.
//  Claude: conversations.json = [{ uuid, name, created_at, chat_messages: [{ uuid, sender:
//    "human" | "assistant", text, content: [{ type: "text", text }, …], created_at }] }].
// Both readers take one conversation object or an array of them, and never throw on odd input: a
// message they cannot read is counted and reported, not guessed.
import type { ImportedConversation, ImportedMessage } from "./types";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function isoFromSeconds(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function isoFromString(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 64) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

export function looksLikeChatGptExport(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) && isObject(first.mapping);
}

export function looksLikeClaudeExport(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) && Array.isArray(first.chat_messages);
}

export type ExportRead = { conversations: ImportedConversation[]; unreadable: number };

/** The text of one ChatGPT message: its string parts (images and files are not text). */
function chatGptText(message: Json): string {
  const content = isObject(message.content) ? message.content : {};
  if (typeof content.text === "string") return content.text; // content_type "code", "tether_quote"…
  const parts = Array.isArray(content.parts) ? content.parts : [];
  return parts
    .map((part) => (typeof part === "string" ? part : isObject(part) ? text(part.text) : ""))
    .filter(Boolean)
    .join("\n\n");
}

/** The visible thread of one ChatGPT conversation: current_node → root, reversed. */
function chatGptThread(conversation: Json): { messages: ImportedMessage[]; unreadable: number } {
  const mapping = conversation.mapping as Json;
  const nodes: Json[] = [];
  const seen = new Set<string>();
  let id = typeof conversation.current_node === "string" ? conversation.current_node : null;
  if (!id || !isObject(mapping[id])) {
    // No current node: the deepest leaf of the first branch, as the page would show it.
    id =
      Object.keys(mapping).find((key) => {
        const node = mapping[key];
        return isObject(node) && (!Array.isArray(node.children) || node.children.length === 0);
      }) ?? null;
  }
  while (id && !seen.has(id) && isObject(mapping[id])) {
    seen.add(id);
    const node = mapping[id] as Json;
    nodes.push(node);
    id = typeof node.parent === "string" ? node.parent : null;
  }
  const messages: ImportedMessage[] = [];
  let unreadable = 0;
  for (const node of nodes.reverse()) {
    const message = node.message;
    if (!isObject(message)) continue; // the root has no message
    const role = isObject(message.author) ? text(message.author.role) : "";
    const metadata = isObject(message.metadata) ? message.metadata : {};
    if (role === "system" || role === "tool" || metadata.is_visually_hidden_from_conversation)
      continue; // instructions and tool calls: not part of the conversation as shown
    const content = chatGptText(message).trim();
    if (!role || !content) {
      if (role === "user" || role === "assistant") unreadable += 1; // e.g. an image-only message
      continue;
    }
    const created = isoFromSeconds(message.create_time);
    messages.push({ role, content, ...(created ? { created_at: created } : {}) });
  }
  return { messages, unreadable };
}

export function readChatGptExport(value: unknown): ExportRead {
  const list = Array.isArray(value) ? value : [value];
  const conversations: ImportedConversation[] = [];
  let unreadable = 0;
  list.forEach((item, i) => {
    if (!isObject(item) || !isObject(item.mapping)) {
      unreadable += 1;
      return;
    }
    const thread = chatGptThread(item);
    unreadable += thread.unreadable;
    const createdAt = isoFromSeconds(item.create_time);
    conversations.push({
      id: text(item.id) || text(item.conversation_id) || String(i + 1),
      title: text(item.title).trim() || `Conversation ${i + 1}`,
      messages: thread.messages,
      ...(createdAt ? { createdAt } : {}),
    });
  });
  return { conversations, unreadable };
}

/** The text of one Claude message: `text`, or its text blocks when `text` is empty. */
function claudeText(message: Json): string {
  const own = text(message.text).trim();
  if (own) return own;
  const blocks = Array.isArray(message.content) ? message.content : [];
  return blocks
    .map((block) => (isObject(block) && block.type === "text" ? text(block.text) : ""))
    .filter(Boolean)
    .join("\n\n")
    .trim();
}

export function readClaudeExport(value: unknown): ExportRead {
  const list = Array.isArray(value) ? value : [value];
  const conversations: ImportedConversation[] = [];
  let unreadable = 0;
  list.forEach((item, i) => {
    if (!isObject(item) || !Array.isArray(item.chat_messages)) {
      unreadable += 1;
      return;
    }
    const messages: ImportedMessage[] = [];
    for (const message of item.chat_messages) {
      if (!isObject(message)) {
        unreadable += 1;
        continue;
      }
      const sender = text(message.sender);
      const role = sender === "human" ? "user" : sender;
      const content = claudeText(message);
      if (!role || !content) {
        unreadable += 1;
        continue;
      }
      const created = isoFromString(message.created_at);
      messages.push({ role, content, ...(created ? { created_at: created } : {}) });
    }
    const createdAt = isoFromString(item.created_at);
    conversations.push({
      id: text(item.uuid) || String(i + 1),
      title: text(item.name).trim() || `Conversation ${i + 1}`,
      messages,
      ...(createdAt ? { createdAt } : {}),
    });
  });
  return { conversations, unreadable };
}
