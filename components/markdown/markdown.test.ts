import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("Markdown images", () => {
  it("turns an https image into a link to it, never an <img> the app CSP would break", () => {
    const out = html("![a chart](https://images.example.com/chart.png)");
    expect(out).not.toContain("<img");
    expect(out).toContain('href="https://images.example.com/chart.png"');
    expect(out).toContain('rel="ugc nofollow noopener noreferrer"');
    expect(out).toContain("Image: a chart");
  });

  it("names the host when the image has no alt text", () => {
    expect(html("![](https://images.example.com/x.png)")).toContain("Image: images.example.com");
  });

  it("drops images that are not https", () => {
    for (const src of [
      "http://example.com/x.png",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "/api/uploads/x.png",
    ]) {
      const out = html(`![x](${src})`);
      expect(out, src).not.toContain("<img");
      expect(out, src).not.toContain("href=");
    }
  });
});
