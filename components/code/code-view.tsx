import { tokenize } from "./highlighter";
import { tokenColor } from "./token-colors";

/**
 * Server-rendered, highlighted code with line numbers. Tokens are rendered as React text (escaped),
 * never as HTML. Long lines scroll inside the box; line numbers are not selectable, so a manual
 * copy takes only the code.
 */
export async function CodeView({
  id,
  code,
  language,
  label = "Code",
}: {
  id: string;
  code: string;
  language: string;
  label?: string;
}) {
  const lines = await tokenize(code.replace(/\r?\n$/, ""), language);
  const gutter = `${String(lines.length).length + 1}ch`;
  return (
    <div
      id={id}
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-[70vh] overflow-auto rounded-b-lg bg-white"
    >
      <pre className="syntax min-w-fit py-3 font-mono text-[13px] leading-5">
        <code>
          {lines.map((tokens, i) => (
            <span key={i} id={`L${i + 1}`} className="flex hover:bg-zinc-50">
              <span
                aria-hidden
                className="sticky left-0 shrink-0 bg-white pr-3 pl-3 text-right text-zinc-500 select-none"
                style={{ width: `calc(${gutter} + 1.5rem)` }}
              >
                {i + 1}
              </span>
              <span data-code-line className="pr-4 whitespace-pre">
                {tokens.map((t, j) => {
                  const { className, inline } = tokenColor(t.color);
                  const italic = t.fontStyle === 1;
                  if (!className && !inline && !italic) return t.content;
                  return (
                    <span
                      key={j}
                      className={className}
                      style={
                        inline || italic
                          ? { color: inline, fontStyle: italic ? "italic" : undefined }
                          : undefined
                      }
                    >
                      {t.content}
                    </span>
                  );
                })}
                {"\n"}
              </span>
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
