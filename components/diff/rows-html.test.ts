import { describe, expect, it } from "vitest";
import { diffLines } from "@/domain/diff/engine";
import { buildSegments, splitRows, type Hunk } from "@/domain/diff/hunks";
import { intraLineForRows } from "@/domain/diff/intra-line";
import { computeDiff, type DiffView } from "@/domain/diff/model";
import { splitHunkHtml, unifiedHunkHtml } from "./rows-html";

function firstHunk(a: string[], b: string[]) {
  const s = buildSegments(diffLines(a, b).runs).find((x) => x.type === "hunk");
  return (s as { hunk: Hunk }).hunk;
}

describe("diff rows as HTML", () => {
  const a = ["<p>safe</p>", 'const s = "</tbody><script>alert(1)</script>";', "end"];
  const b = ["<p>safe</p>", 'const s = "</tbody><img src=x onerror=alert(1)>";', "end"];
  const hunk = firstHunk(a, b);
  const rows = splitRows(hunk.lines);
  const view: DiffView = {
    segments: [],
    truncated: false,
    hiddenChanged: 0,
    tokensA: null,
    tokensB: null,
    intra: { a: new Map(), b: new Map() },
  };
  intraLineForRows(rows, a, b, view.intra);

  it("escapes the artifact's code: hostile text stays text in both views", () => {
    for (const html of [
      unifiedHunkHtml(hunk, { aLines: a, bLines: b, view }),
      splitHunkHtml(hunk, rows, { aLines: a, bLines: b, view }),
    ]) {
      expect(html).not.toMatch(/<script|<img|<\/tbody|<p>/);
      // Strip our own tags and decode: the visible text is exactly the code.
      const visible = html
        .replace(/<[^>]*>/g, "")
        .replaceAll("&#x3C;", "<")
        .replaceAll("&#x26;", "&");
      expect(visible).toContain(a[1]);
      expect(visible).toContain(b[1]);
    }
  });

  it("marks rows, markers, line anchors and the changed words", () => {
    const html = unifiedHunkHtml(hunk, { aLines: a, bLines: b, view });
    expect(html).toContain("<tr class=d><th id=F2><a href=#F2>2</a></th>");
    expect(html).toContain("<span class=sr>removed</span>");
    expect(html).toContain("<span class=sr>added</span>");
    expect(html).toContain("<ins>img src=x onerror=</ins>");
    expect(html).toContain("<del>script></del>");
  });

  it("labels line endings of changed lines and says when a text has no final newline, in both views", async () => {
    const diff = await computeDiff(
      { versionId: "crlf-a", code: "one\r\ntwo\r\nthree\r\n", codeLanguage: null },
      { versionId: "crlf-b", code: "one\r\ntwo\nthree", codeLanguage: null },
      false,
    );
    const h = diff.segments.find((x) => x.type === "hunk")!;
    const eolHunk = (h as { hunk: Hunk }).hunk;
    const lines = { aLines: diff.aLines, bLines: diff.bLines, view, eol: diff.eol };
    const unified = unifiedHunkHtml(eolHunk, lines);
    const split = splitHunkHtml(eolHunk, splitRows(eolHunk.lines), lines);
    for (const html of [unified, split]) {
      expect(html.match(/<span class=eol[^>]*>CRLF<\/span>/g)).toHaveLength(2); // "two" and "three" before
      expect(html.match(/<span class=eol[^>]*>LF<\/span>/g)).toHaveLength(1); // "two" after
      expect(html).toContain("\\ No newline at end of file");
    }
    expect(diff).toMatchObject({ added: 2, removed: 2 });
    // Ignoring whitespace: no change at all, nothing to label.
    const ws = await computeDiff(
      { versionId: "crlf-a", code: "one\r\ntwo\r\n", codeLanguage: null },
      { versionId: "crlf-b", code: "one\ntwo", codeLanguage: null },
      true,
    );
    expect(ws).toMatchObject({
      added: 0,
      removed: 0,
      eol: { markEndings: false, bNoFinalNewline: false },
    });
  });
});
