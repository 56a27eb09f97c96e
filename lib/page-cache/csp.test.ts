import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashInlineScripts } from "./csp";

const sha = (s: string) => `sha256-${createHash("sha256").update(s, "utf8").digest("base64")}`;

describe("hashInlineScripts", () => {
  it("hashes each inline script's exact text, skips script files, strips every nonce", () => {
    const one = `self.__next_f.push([1,"a>b \\u003c/script>é"])`;
    const two = `(function(){document.title="x"})()`;
    const html =
      `<html><head><link rel="preload" as="script" nonce="N1" href="/_next/a.js">` +
      `<script src="/_next/static/chunks/main.js" async="" nonce="N1"></script>` +
      `<script nonce="N1" data-x='a>b'>${one}</script></head>` +
      `<body><script nonce=N1>${two}</script><script type="application/ld+json">{}</script></body></html>`;
    const { html: out, scriptHashes } = hashInlineScripts(html);
    expect(scriptHashes).toEqual([sha(one), sha(two), sha("{}")]);
    expect(out).not.toContain("nonce");
    expect(out).toContain(`<script data-x='a>b'>${one}</script>`);
    expect(out).toContain(`<script src="/_next/static/chunks/main.js" async=""></script>`);
  });
});
