import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { restartBrowser } from "./chromium";
import { renderScreenshot } from "./render";
import { browserForTests } from "./test-browser";

// Real Chromium (Debian's /usr/bin/chromium here). Where none is installed the renderer must say
// so with RenderUnavailable — proven by the e2e placeholder test — so these need a browser (and
// fail in CI without one).
const hasBrowser = await browserForTests();

async function dominant(png: Buffer) {
  const { dominant } = await sharp(png).stats();
  return dominant;
}

describe.runIf(hasBrowser)("thumbnail rendering in Chromium", () => {
  afterAll(() => restartBrowser());

  it("renders HTML at 1280×800 with its scripts running", async () => {
    const png = await renderScreenshot({
      language: "html",
      code: `<body style="margin:0"><div id="x" style="width:100vw;height:100vh"></div><script>document.getElementById("x").style.background="rgb(255,0,0)"</script></body>`,
    });
    const meta = await sharp(png!).metadata();
    expect([meta.width, meta.height]).toEqual([1280, 800]);
    expect(await dominant(png!)).toMatchObject({ r: 248, g: 8, b: 8 });
  });

  it("renders a React component and Markdown", async () => {
    const react = await renderScreenshot({
      language: "tsx",
      code: `import { useState } from "react";\nexport default function App() { const [c] = useState("rgb(0,0,255)"); return <div style={{ background: c, width: "100vw", height: "100vh" }} />; }`,
    });
    expect(await dominant(react!)).toMatchObject({ b: 248 });
    const md = await renderScreenshot({
      language: "markdown",
      code: "# Hello\n\n<script>document.body.style.background='red'</script>",
    });
    expect(await dominant(md!)).toMatchObject({ r: 248, g: 248, b: 248 }); // white: the raw HTML was skipped
  });

  it("has no network: a server the page tries to reach sees no request", async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end("x");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      await renderScreenshot({
        language: "html",
        code: `<img src="http://127.0.0.1:${port}/a.png"><script>fetch("http://127.0.0.1:${port}/b").catch(()=>{}); new Image().src="http://localhost:${port}/c"</script>`,
      });
    } finally {
      server.close();
    }
    expect(hits).toBe(0);
  });

  it("cuts off a page that never settles, and renders the next one", async () => {
    await expect(
      renderScreenshot(
        { language: "html", code: "<script>while(true){}</script>" },
        { stallMs: 2000, hardLimitMs: 30_000 },
      ),
    ).rejects.toThrow(/stopped responding/);
    const png = await renderScreenshot({
      language: "svg",
      code: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`,
    });
    expect(png).toBeInstanceOf(Buffer);
  }, 60_000);

  it("captures the first screen at a card-friendly 800×500 layout", async () => {
    // A box 800 CSS px wide fills the whole 1280-px image: the card shows the app, not a corner.
    const png = await renderScreenshot({
      language: "html",
      code: `<body style="margin:0"><div style="width:800px;height:500px;background:rgb(0,160,0)"></div><div style="height:2000px;background:rgb(255,0,0)"></div></body>`,
    });
    expect(await dominant(png!)).toMatchObject({ r: 8, g: 152, b: 8 });
  });

  it("returns null for languages without a preview", async () => {
    expect(await renderScreenshot({ language: "python", code: "print(1)" })).toBeNull();
  });
});
