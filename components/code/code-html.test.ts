import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { codeHtml } from "./code-html";

/** The HTML parsed as a browser would, inside the code view's container. */
function parse(html: string) {
  const window = new Window();
  const root = window.document.createElement("div");
  root.innerHTML = html;
  return root;
}

const HOSTILE = [
  "</pre><script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '</code></pre><div id=x style="position:fixed">&amp; &lt;b&gt; \' "',
  "const s = `</span><svg onload=alert(1)>`;",
].join("\n");

describe("the code view's HTML", () => {
  for (const language of ["html", "tsx", "python", "other"]) {
    it(`keeps hostile ${language} code as text: no element it names, every character shown`, async () => {
      const root = parse(await codeHtml(HOSTILE, language));
      expect(root.querySelectorAll("script, img, svg, div, a").length).toBe(0);
      expect(root.querySelectorAll("pre").length).toBe(1);
      const lines = root.querySelectorAll("[data-code-line]");
      expect(lines.length).toBe(4);
      // What the copy button copies: exactly the code, line by line.
      const copied = Array.from(lines, (line) => line.textContent).join("");
      expect(copied).toBe(`${HOSTILE}\n`);
      for (const span of root.querySelectorAll("span")) {
        expect(
          span
            .getAttributeNames()
            .every((n) => /^(id|class|style|aria-hidden|data-code-line)$/.test(n)),
        ).toBe(true);
      }
    });
  }

  it("numbers each line with an anchor, hidden from screen readers, colours as classes", async () => {
    const root = parse(await codeHtml("const a = 1;\n// two\n", "tsx"));
    expect(Array.from(root.querySelectorAll("pre.cv > code > span"), (l) => l.id)).toEqual([
      "L1",
      "L2",
    ]);
    const numbers = root.querySelectorAll("code > span > [aria-hidden]");
    expect(Array.from(numbers, (n) => n.textContent)).toEqual(["1", "2"]);
    expect(numbers[0]!.getAttribute("aria-hidden")).toBe("true");
    expect(root.querySelector(".k0")?.textContent).toBe("const");
    expect(root.querySelector(".k4")?.textContent).toContain("// two");
    expect(root.querySelector("[style*='color']")).toBeNull();
    expect(root.querySelector("pre")!.getAttribute("style")).toBe("--cv-gutter:2ch");
  });
});
