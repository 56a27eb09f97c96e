import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { restartBrowser } from "./chromium";
import { renderScreenshot } from "./render";
import { browserForTests } from "./test-browser";

// Thumbnails run the live preview's own document and vendored packages, so a card shows what the
// preview shows: libraries loaded by import (React) and by CDN <script> (HTML), and p5 global mode.
// In CI a missing browser fails loudly (browserForTests), never a silent skip.
const hasBrowser = await browserForTests();

async function dominant(png: Buffer) {
  return (await sharp(png).stats()).dominant;
}

describe.runIf(hasBrowser)("thumbnails use the preview runtime", () => {
  afterAll(() => restartBrowser());

  it("renders a React artifact that imports lucide-react from the vendored set", async () => {
    const png = await renderScreenshot({
      language: "tsx",
      code: `import { Square } from "lucide-react";
export default function App() {
  return <div style={{ width: "100vw", height: "100vh", background: "rgb(0,128,0)" }}><Square size={24} /></div>;
}`,
    });
    expect(await dominant(png!)).toMatchObject({ r: 8, g: 120, b: 8 });
  });

  it("renders a global-mode p5 sketch and a page that loads p5 from cdnjs", async () => {
    const sketch = await renderScreenshot({
      language: "javascript",
      code: "function setup() { createCanvas(windowWidth, windowHeight); noLoop(); }\nfunction draw() { background(0, 0, 255); }",
    });
    expect(await dominant(sketch!)).toMatchObject({ r: 8, g: 8, b: 248 });
    const page = await renderScreenshot({
      language: "html",
      code: `<html><head><script src="https://cdnjs.cloudflare.com/ajax/libs/p5.js/1.9.0/p5.min.js"></script></head>
<body style="margin:0"><script>function setup(){ createCanvas(windowWidth, windowHeight); noLoop(); } function draw(){ background(255, 0, 0); }</script></body></html>`,
    });
    expect(await dominant(page!)).toMatchObject({ r: 248, g: 8, b: 8 });
  });
});
