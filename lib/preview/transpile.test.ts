import { describe, expect, it } from "vitest";
import { hasPreview, previewKind } from "./languages";
import { buildPreviewPayload } from "./payload";
import { importErrorMessage, requiredModules, transpileReact } from "./transpile";

describe("transpileReact", () => {
  it("turns a TSX component with types into plain JavaScript that exports it by default", () => {
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
    expect(result.code).toContain("exports.default = Counter");
    expect(requiredModules(result.code)).toEqual(["react/jsx-runtime", "react"]);
  });

  it("accepts react and react-dom imports", () => {
    const result = transpileReact(
      `import React from "react"; import { createPortal } from "react-dom"; import { createRoot } from "react-dom/client";
       export default () => <p>{String(!!createPortal && !!createRoot && !!React)}</p>;`,
      "jsx",
    );
    expect(result.ok).toBe(true);
  });

  it("refuses any other import, naming each package once", () => {
    const result = transpileReact(
      `import _ from "lodash"; import { z } from 'zod'; import pick from "lodash/pick";
       import type { T } from "some-types"; export { x } from "./local"; const later = () => import("dayjs"); const again = require("lodash");
       export default function App() { return <div>{_.x}</div>; }`,
      "tsx",
    );
    expect(result).toEqual({
      ok: false,
      message: importErrorMessage(["lodash", "zod", "lodash/pick", "./local", "dayjs"]),
    });
    expect(importErrorMessage(["lodash"])).toBe(
      "Imports other than react and react-dom are not available in the preview: lodash",
    );
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

  it("posts HTML as written and React as transpiled code, or the error to show", async () => {
    expect(await buildPreviewPayload("html", "<p>hi</p>")).toEqual({ kind: "html", code: "<p>hi</p>" });
    expect(await buildPreviewPayload("python", "print(1)")).toBeNull();
    const react = await buildPreviewPayload("jsx", "export default () => <p>hi</p>;");
    expect(react?.kind).toBe("react");
    expect(react && "code" in react && react.code).toContain("jsx-runtime");
    expect(await buildPreviewPayload("tsx", 'import x from "lodash"; export default () => <p>{x}</p>;')).toEqual({
      kind: "error",
      message: importErrorMessage(["lodash"]),
    });
  });
});
