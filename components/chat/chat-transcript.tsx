import { Markdown } from "@/components/markdown/markdown";
import type { Chat } from "@/domain/validation/artifact";

const ROLE_STYLE: Record<string, string> = {
  user: "bg-brand-50 border-brand-100",
  assistant: "bg-white border-zinc-200",
};

/**
 * The conversation that produced a version, as a readable transcript. Content is Markdown rendered
 * without raw HTML. Callers pass the chat only when the viewer may read it (the query withholds it
 * otherwise), so this component never decides visibility.
 */
export function ChatTranscript({ chat }: { chat: Chat }) {
  if (chat.messages.length === 0) return null;
  return (
    <section aria-labelledby="chat-heading" className="space-y-3">
      <h2 id="chat-heading" className="text-lg font-semibold">
        Chat{" "}
        <span className="text-sm font-normal text-zinc-500">({chat.messages.length} messages)</span>
      </h2>
      <ol className="space-y-3">
        {chat.messages.map((message, i) => (
          <li
            key={i}
            className={`rounded-lg border p-3 text-sm ${ROLE_STYLE[message.role] ?? "border-zinc-200 bg-zinc-50"}`}
          >
            <p className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase">
              {message.role}
            </p>
            <Markdown source={message.content} className="text-zinc-800" />
          </li>
        ))}
      </ol>
    </section>
  );
}
