import { describe, expect, it } from "vitest";
import { parseCdnUrl, resolveCdnUrl } from "./cdn";
import { knownSpecifiers, PACKAGES } from "./registry";
import {
  importSpecifiers,
  isModuleScript,
  isP5Sketch,
  rewriteHtml,
  unavailableImports,
} from "./resolve";
import { SERVED } from "./served.fixture";

const umd = (pkg: string, id = "main") => SERVED.umd[pkg]![id]!;
const esm = (specifier: string) => SERVED.imports[specifier]!;

describe("CDN URLs of vendored packages", () => {
  it("reads package, version and path from each CDN's URL form", () => {
    expect(
      parseCdnUrl("https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js"),
    ).toMatchObject({ pkg: "three.js", version: "r128", path: "three.min.js" });
    expect(
      parseCdnUrl("https://cdn.jsdelivr.net/npm/@babel/standalone@7.23.5/babel.min.js"),
    ).toMatchObject({ pkg: "@babel/standalone", version: "7.23.5" });
    expect(parseCdnUrl("//unpkg.com/react-dom@18/umd/react-dom.production.min.js")).toMatchObject({
      pkg: "react-dom",
      version: "18",
      path: "umd/react-dom.production.min.js",
    });
    expect(parseCdnUrl("https://esm.sh/v135/recharts@2.12.0?deps=react@18")).toMatchObject({
      pkg: "recharts",
      version: "2.12.0",
    });
    expect(
      parseCdnUrl(
        "https://cdn.skypack.dev/-/lodash@v4.17.21-Wq2WdCEJVLmwZtR8tI6c/dist=es2019,mode=imports/optimized/lodash.js",
      ),
    ).toMatchObject({ pkg: "lodash" });
    expect(parseCdnUrl("https://ga.jspm.io/npm:d3@7.8.5/src/index.js")).toMatchObject({
      pkg: "d3",
      version: "7.8.5",
    });
    expect(parseCdnUrl("https://cdn.jsdelivr.net/gh/user/repo/file.js")).toBeNull();
    expect(parseCdnUrl("https://cdn.tailwindcss.com")).toBeNull();
  });

  it("points classic <script src> URLs at the package's browser build (its global)", () => {
    const cases: [string, string][] = [
      ["https://unpkg.com/react@18/umd/react.production.min.js", umd("react")],
      ["https://unpkg.com/react-dom@18/umd/react-dom.development.js", umd("react")], // one React
      ["https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js", umd("three")],
      [
        "https://cdn.jsdelivr.net/npm/three@0.128.0/examples/js/controls/OrbitControls.js",
        umd("three", "addons"),
      ],
      ["https://d3js.org/d3.v7.min.js", umd("d3")],
      ["https://example.com/lib/d3.min.js", ""],
      ["https://cdn.jsdelivr.net/npm/d3@7", umd("d3")],
      ["https://cdn.jsdelivr.net/npm/chart.js", umd("chart.js")],
      ["https://cdnjs.cloudflare.com/ajax/libs/Chart.js/4.4.0/chart.umd.min.js", umd("chart.js")],
      ["https://cdnjs.cloudflare.com/ajax/libs/p5.js/1.9.0/p5.min.js", umd("p5")],
      ["https://cdn.jsdelivr.net/npm/lodash@4.17.21/lodash.min.js", umd("lodash")],
      ["https://cdnjs.cloudflare.com/ajax/libs/PapaParse/5.4.1/papaparse.min.js", umd("papaparse")],
      ["https://cdnjs.cloudflare.com/ajax/libs/mathjs/12.2.1/math.js", umd("mathjs")],
      ["https://cdn.sheetjs.com/xlsx-0.20.1/package/dist/xlsx.full.min.js", umd("xlsx")],
      ["https://unpkg.com/xlsx/dist/xlsx.full.min.js", umd("xlsx")],
      ["https://cdnjs.cloudflare.com/ajax/libs/tone/14.8.49/Tone.js", umd("tone")],
      ["https://cdnjs.cloudflare.com/ajax/libs/js-yaml/4.1.0/js-yaml.min.js", umd("js-yaml")],
      ["https://cdn.jsdelivr.net/npm/marked/marked.min.js", umd("marked")],
      ["https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.js", umd("katex")],
      [
        "https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/contrib/auto-render.min.js",
        umd("katex", "auto-render"),
      ],
      [
        "https://cdn.jsdelivr.net/npm/qrcode-generator@1.4.4/qrcode.min.js",
        umd("qrcode-generator"),
      ],
      ["https://unpkg.com/@babel/standalone/babel.min.js", umd("@babel/standalone")],
      [
        "https://cdnjs.cloudflare.com/ajax/libs/babel-standalone/6.26.0/babel.min.js",
        umd("@babel/standalone"),
      ],
    ];
    for (const [url, expected] of cases) {
      const resolved = resolveCdnUrl(url, "classic", SERVED);
      if (expected) expect(resolved, url).toEqual({ url: expected });
      else expect(resolved, url).toBeNull(); // not a CDN we know: left alone (the CSP blocks it, the frame says so)
    }
  });

  it("points module URLs at the ES module build, sub-paths included", () => {
    const cases: [string, string][] = [
      ["https://cdn.jsdelivr.net/npm/three@0.160.0/build/three.module.js", esm("three")],
      [
        "https://unpkg.com/three@0.150.1/examples/jsm/controls/OrbitControls.js",
        esm("three/addons/controls/OrbitControls.js"),
      ],
      [
        "https://cdn.jsdelivr.net/npm/three@0.170/addons/loaders/GLTFLoader.js",
        esm("three/addons/loaders/GLTFLoader.js"),
      ],
      ["https://cdn.jsdelivr.net/npm/d3@7/+esm", esm("d3")],
      ["https://esm.sh/react@18.2.0", esm("react")],
      ["https://esm.sh/react-dom@18.2.0/client", esm("react-dom/client")],
      ["https://esm.sh/recharts@2?deps=react@18", esm("recharts")],
      ["https://cdn.skypack.dev/canvas-confetti", ""],
      ["https://cdn.skypack.dev/lodash-es", ""],
      ["https://cdn.jsdelivr.net/npm/chart.js@4.4.1/auto/+esm", esm("chart.js/auto")],
      ["https://cdn.jsdelivr.net/npm/marked/lib/marked.esm.js", esm("marked")],
      ["https://unpkg.com/framer-motion@11/dist/es/index.mjs", esm("framer-motion")],
    ];
    for (const [url, expected] of cases) {
      const resolved = resolveCdnUrl(url, "module", SERVED);
      if (expected) expect(resolved, url).toEqual({ url: expected });
      else expect(resolved, url).toHaveProperty("missing");
    }
    expect(resolveCdnUrl("https://cdn.skypack.dev/canvas-confetti", "module", SERVED)).toEqual({
      missing: "canvas-confetti",
    });
  });

  it("serves KaTeX's stylesheet and leaves Tailwind's play CDN and Google Fonts alone", () => {
    expect(
      resolveCdnUrl(
        "https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.css",
        "style",
        SERVED,
      ),
    ).toEqual({ url: SERVED.css.katex });
    expect(
      resolveCdnUrl(
        "https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/css/bootstrap.min.css",
        "style",
        SERVED,
      ),
    ).toEqual({ missing: "bootstrap" });
    expect(resolveCdnUrl("https://cdn.tailwindcss.com", "classic", SERVED)).toBeNull();
    expect(
      resolveCdnUrl("https://fonts.googleapis.com/css2?family=Inter", "style", SERVED),
    ).toBeNull();
  });
});

describe("rewriteHtml", () => {
  const chatGptPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>Todo</title>
  <script src="https://cdn.tailwindcss.com"></script>
  <link href="https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap" rel="stylesheet">
  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.css" integrity="sha384-n8MVd4RsNIU0tAv4ct0nTaAbDJwPJzDEaqSD1odI+WdtXRGWt2kTvGFasHpSy3SV" crossorigin="anonymous">
  <script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
  <script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
  <script src="https://unpkg.com/@babel/standalone/babel.min.js"></script>
  <script src="https://cdnjs.cloudflare.com/ajax/libs/canvas-confetti/1.6.0/confetti.browser.min.js"></script>
</head>
<body><div id="root"></div>
<script type="text/babel">ReactDOM.createRoot(document.getElementById("root")).render(<h1>Hi</h1>);</script>
<script type="module">
  import * as THREE from "https://unpkg.com/three@0.160.0/build/three.module.js";
  import { OrbitControls } from "three/addons/controls/OrbitControls.js";
  import { Howl } from "howler";
</script>
</body></html>`;

  it("rewrites scripts, modules and stylesheets, drops integrity, names what is missing, leaves Tailwind and fonts", () => {
    const { code, missing } = rewriteHtml(chatGptPage, SERVED);
    expect(code).toContain(`<script crossorigin src="${umd("react")}"></script>`);
    expect(code.match(new RegExp(umd("react"), "g"))).toHaveLength(2);
    expect(code).toContain(`<script src="${umd("@babel/standalone")}"></script>`);
    expect(code).toContain(`href="${SERVED.css.katex}"`);
    expect(code).not.toContain("integrity");
    expect(code).toContain(`from "${esm("three")}"`);
    expect(code).toContain('<script src="https://cdn.tailwindcss.com"></script>');
    expect(code).toContain(
      "https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap",
    );
    expect(missing).toEqual(["canvas-confetti", "howler"]);
  });

  it("accepts bare imports the page maps itself, and points its import map at the vendored copies", () => {
    const page = `<script type="importmap">{"imports":{"three":"https://cdn.jsdelivr.net/npm/three@0.160.0/build/three.module.js","three/addons/":"https://cdn.jsdelivr.net/npm/three@0.160.0/examples/jsm/","cannon-es":"https://cdn.jsdelivr.net/npm/cannon-es@0.20.0/dist/cannon-es.js"}}</script>
<script type="module">import * as THREE from "three"; import { World } from "cannon-es"; import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";</script>`;
    const { code, missing } = rewriteHtml(page, SERVED);
    expect(code).toContain(`"three":"${esm("three")}"`);
    // A folder mapping stays as written: our own map answers the exact files beneath it.
    expect(code).toContain(
      `"three/addons/":"https://cdn.jsdelivr.net/npm/three@0.160.0/examples/jsm/"`,
    );
    expect(missing).toEqual(["cannon-es"]);
  });
});

describe("import specifiers, p5 sketches and the publish form's warning", () => {
  it("lists imports of a Claude-style artifact in order, once, ignoring comments", () => {
    const claude = `import React, { useState, useEffect } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Button } from "@/components/ui/button";
import { LineChart, Line } from 'recharts';
// import { Camera } from 'lucide-react';
import { Camera, Mic } from 'lucide-react';
import * as math from 'mathjs'
export { helper } from "./helper";
const load = () => import("papaparse");`;
    expect(importSpecifiers(claude)).toEqual([
      "react",
      "@/components/ui/card",
      "@/components/ui/button",
      "recharts",
      "lucide-react",
      "mathjs",
      "./helper",
      "papaparse",
    ]);
  });

  it("tells a global-mode p5 sketch from instance mode and from plain scripts", () => {
    expect(
      isP5Sketch(
        "let x = 0;\nfunction setup() {\n  createCanvas(windowWidth, windowHeight);\n}\nfunction draw() {\n  background(0);\n  ellipse(x++, 50, 20);\n}",
      ),
    ).toBe(true);
    expect(
      isP5Sketch(
        "const sketch = (p) => { p.setup = () => p.createCanvas(100, 100); };\nnew p5(sketch);",
      ),
    ).toBe(false);
    expect(isP5Sketch("function setup() { document.body.textContent = 'ready'; }\nsetup();")).toBe(
      false,
    );
    expect(isModuleScript('import * as THREE from "three";\nconst s = new THREE.Scene();')).toBe(
      true,
    );
    expect(isModuleScript("const importance = 1;\nconsole.log(importance);")).toBe(false);
  });

  it("warns about packages outside the set for each language, and about nothing else", () => {
    expect(
      unavailableImports(
        "tsx",
        `import { Chess } from "chess.js"; import { Button } from "@/components/ui/button"; import { motion } from "framer-motion"; import { scaleLinear } from "d3-scale";`,
      ),
    ).toEqual(["chess.js"]);
    // The kit's module list decides in the browser: a shadcn/ui component the kit lacks is named.
    expect(
      unavailableImports(
        "tsx",
        `import { Calendar } from "@/components/ui/calendar"; import { Slider } from "@/components/ui/slider"; import { cn } from "@/lib/utils";`,
      ),
    ).toEqual(["@/components/ui/calendar"]);
    expect(
      unavailableImports(
        "html",
        `<script src="https://cdn.jsdelivr.net/npm/chart.js"></script><script src="https://unpkg.com/leaflet@1.9.4/dist/leaflet.js"></script><script src="https://cdn.tailwindcss.com"></script>`,
      ),
    ).toEqual(["leaflet"]);
    expect(unavailableImports("javascript", "function setup(){ createCanvas(100,100) }")).toEqual(
      [],
    );
    expect(unavailableImports("python", "import numpy")).toEqual([]);
  });

  it("serves every package the issue names", () => {
    const names = PACKAGES.map((p) => p.name);
    for (const n of [
      "react",
      "react-dom",
      "lucide-react",
      "recharts",
      "framer-motion",
      "motion",
      "three",
      "d3",
      "chart.js",
      "p5",
      "lodash",
      "papaparse",
      "mathjs",
      "xlsx",
      "tone",
      "date-fns",
      "js-yaml",
      "marked",
      "katex",
      "qrcode-generator",
      "react-router-dom",
      "@babel/standalone",
    ]) {
      expect(names, n).toContain(n);
      expect(knownSpecifiers().has(n), n).toBe(true);
    }
  });
});
