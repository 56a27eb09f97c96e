/**
 * A <tbody> whose rows come from rows-html.ts. The one place the diff uses raw HTML, on purpose:
 * the rows are a hast tree serialised by hast-util-to-html, which escapes all text (the artifact's
 * code) and attribute values — rows-html.test.ts feeds it hostile code to prove it. Plain JSX would
 * send every row twice (HTML + RSC payload JSON), ~4× the bytes on large diffs.
 */
export function HtmlTbody({ html }: { html: string }) {
  // eslint-disable-next-line react/no-danger -- escaped by hast-util-to-html, see above
  return <tbody dangerouslySetInnerHTML={{ __html: html }} />;
}
