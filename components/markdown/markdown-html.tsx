/**
 * Markdown already rendered to safe HTML on the server (lib/markdown/html.ts), for server and
 * client components alike: no Markdown parser in the browser.
 */
export function MarkdownHtml({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={["space-y-2 break-words", className].filter(Boolean).join(" ")}
      // eslint-disable-next-line react/no-danger -- escaped by lib/markdown/html.ts (markdown.test.ts)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
