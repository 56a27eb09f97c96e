import { describe, expect, it } from "vitest";
import { hasPreview, previewKind } from "@/domain/languages";
import { buildPreviewPayload } from "./payload";
import { importSpecifiers, missingPackagesMessage } from "./packages/resolve";
import { SERVED } from "./packages/served.fixture";
import { transpileReact } from "./transpile";

describe("transpileReact", () => {
  it("turns a TSX component with types into an ES module that exports it by default", () => {
    const result = transpileReact(
      `import { useState } from "react";
       type Props = { start?: number };
       export default function Counter({ start = 0 }: Props) {
         const [n, setN] = useState<number>(start);
         return <button onClick={() => setN(n + 1)}>Clicked {n}</button>;
       }`,
      "tsx",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).not.toMatch(/<button|: Props|<number>/);
    expect(result.code).toContain("export default function Counter");
    expect(importSpecifiers(result.code)).toEqual(["react/jsx-runtime", "react"]);
  });

  it("keeps every import as an ES import (the import map resolves them), type-only ones vanish", () => {
    const result = transpileReact(
      `import _ from "lodash"; import { LineChart } from 'recharts'; import type { T } from "some-types";
       import "katex/dist/katex.min.css"; const later = () => import("d3");
       export default function App() { return <div>{_.x}{String(LineChart)}</div>; }`,
      "tsx",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(importSpecifiers(result.code)).toEqual([
      "react/jsx-runtime",
      "lodash",
      "recharts",
      "katex/dist/katex.min.css",
      "d3",
    ]);
  });

  it("reports a syntax error with its line and column instead of throwing", () => {
    const result = transpileReact(`export default function App() {\n  return <div>;\n}`, "jsx");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Syntax error on line \d+, column \d+/);
  });
});

describe("preview payloads", () => {
  it("maps each language to its runtime; CSS, Python and other show code only", () => {
    expect(["html", "svg", "markdown", "javascript", "jsx", "tsx"].map(previewKind)).toEqual([
      "html",
      "svg",
      "markdown",
      "javascript",
      "react",
      "react",
    ]);
    for (const none of ["css", "python", "other", "", null, undefined, "__proto__", "toString"]) {
      expect(hasPreview(none), String(none)).toBe(false);
    }
  });

  it("posts HTML as written and React as transpiled code, or the sentence naming what is missing", async () => {
    expect(await buildPreviewPayload("html", "<p>hi</p>", SERVED)).toEqual({
      kind: "html",
      code: "<p>hi</p>",
    });
    expect(await buildPreviewPayload("python", "print(1)", SERVED)).toBeNull();
    const react = await buildPreviewPayload("jsx", "export default () => <p>hi</p>;", SERVED);
    expect(react?.kind).toBe("react");
    expect(react && "code" in react && react.code).toContain('from "react/jsx-runtime"');
    expect(
      (
        await buildPreviewPayload(
          "tsx",
          'import x from "lodash"; import { LineChart } from "recharts"; export default () => <p>{x}</p>;',
          SERVED,
        )
      )?.kind,
    ).toBe("react");
    expect(
      await buildPreviewPayload(
        "tsx",
        'import { Chess } from "chess.js"; import x from "./local"; export default () => <p>{x}</p>;',
        SERVED,
      ),
    ).toEqual({
      kind: "error",
      message: missingPackagesMessage(["chess.js", "./local"]),
    });
  });

  it("gives a global-mode p5 sketch p5, and runs a JavaScript module as a module", async () => {
    const sketch = await buildPreviewPayload(
      "javascript",
      "function setup() { createCanvas(400, 400); }\nfunction draw() { background(220); }",
      SERVED,
    );
    expect(sketch).toMatchObject({ kind: "javascript", scripts: [SERVED.umd.p5!.main] });
    const moduleScript = await buildPreviewPayload(
      "javascript",
      'import * as THREE from "three";\nconsole.log(THREE.REVISION);',
      SERVED,
    );
    expect(moduleScript).toMatchObject({ kind: "javascript", module: true });
    expect(moduleScript && "missing" in moduleScript).toBe(false);
  });
});
