import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

function render(source: string): string {
  return renderToStaticMarkup(createElement(Markdown, { source }));
}

/** The words a reader sees: the markup with tags removed and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("Markdown keeps text that looks like HTML", () => {
  it("shows inline tags as the words the author wrote", () => {
    const html = render("Use the <canvas> element instead of a <div> for this.");
    expect(visibleText(html)).toContain("Use the <canvas> element instead of a <div> for this.");
    expect(html).not.toContain("<canvas");
    expect(html).not.toContain("<div>");
  });

  it("shows a comment that starts with a script tag as text, and runs nothing", () => {
    const source = "<script>alert('hi')</script>\n\nthat was my first try";
    const html = render(source);
    expect(visibleText(html)).toContain("<script>alert('hi')</script>");
    expect(visibleText(html)).toContain("that was my first try");
    expect(html).not.toMatch(/<script/i);
  });

  it("keeps event-handler HTML inert", () => {
    const html = render('<img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">x</a>');
    expect(html).not.toMatch(/<img|<a /i);
    expect(visibleText(html)).toContain('<img src=x onerror="alert(1)">');
  });

  it("still renders Markdown formatting and code spans", () => {
    const html = render("**bold** and `<b>` in code");
    expect(html).toContain("<strong>bold</strong>");
    // The code span shows `<b>` as text: escaped, never a <b> element.
    expect(html).toContain("&lt;b>");
    expect(html).not.toMatch(/<b>/);
    expect(visibleText(html)).toContain("bold and <b> in code");
  });
});
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
