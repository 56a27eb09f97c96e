import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { markdownHtml } from "./html";

function parse(source: string) {
  const root = new Window().document.createElement("div");
  root.innerHTML = markdownHtml(source);
  return root;
}

describe("Markdown rendered on the server", () => {
  it("keeps http(s), mailto and relative links; any other scheme loses its href", () => {
    const root = parse(
      "[a](https://example.com/x) [b](mailto:a@b.c) [c](/u/alice) [d](#comments) " +
        "[e](javascript:alert(1)) [f](data:text/html,x) [g](//evil.test/x) [h](vbscript:x)",
    );
    const hrefs = Array.from(root.querySelectorAll("a"), (a) => a.getAttribute("href"));
    expect(hrefs).toEqual(["https://example.com/x", "mailto:a@b.c", "/u/alice", "#comments"]);
    for (const a of root.querySelectorAll("a")) {
      expect(a.getAttribute("rel")).toBe("ugc nofollow noopener noreferrer");
      expect(a.getAttribute("target")).toBe("_blank");
    }
    // The dropped links keep their words, as plain text.
    expect(root.textContent).toContain("e f g h");
  });

  it("shows raw HTML blocks as text, runs nothing, loads no image", () => {
    const root = parse(
      '<div onclick="x()">\n<script>alert(1)</script>\n</div>\n\n![x](http://a.test/i.png)',
    );
    expect(root.querySelectorAll("script, div, img, [onclick]").length).toBe(0);
    expect(root.textContent).toContain("<script>alert(1)</script>");
  });

  it("renders headings quietly, lists, quotes, code blocks and GFM tables with the site's classes", () => {
    const root = parse(
      "# Title\n\n- one\n- two\n\n> said\n\n```js\nlet a = 1 < 2;\n```\n\n| a |\n| - |\n| 1 |",
    );
    expect(root.querySelector("h1")).toBeNull();
    expect(root.querySelector("p.font-semibold")?.textContent).toBe("Title");
    expect(root.querySelector("ul.list-disc")?.children.length).toBe(2);
    expect(root.querySelector("blockquote.border-l-4")?.textContent?.trim()).toBe("said");
    expect(root.querySelector("pre.overflow-x-auto > code.font-mono")?.textContent).toBe(
      "let a = 1 < 2;\n",
    );
    expect(root.querySelector("table td")?.textContent).toBe("1");
  });
});
