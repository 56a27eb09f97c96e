import { describe, expect, it } from "vitest";
import { defaultExportName, firstUserMessage, splitIdentifier, suggestFromCode } from "./suggest";

const HTML_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <meta name="description" content="A focus timer with work and break cycles.">
  <title>Pomodoro Timer &amp; Focus Tracker</title>
  <script src="https://cdn.tailwindcss.com"></script>
</head>
<body class="bg-slate-900">
  <h1 class="text-3xl">Focus</h1>
</body>
</html>`;

const REACT_COMPONENT = `import React, { useState } from "react";
import { LineChart, Line, XAxis } from "recharts";

export default function SalesDashboardCard({ data }) {
  const [range, setRange] = useState("7d");
  return <div className="p-4"><h2>Sales</h2><LineChart data={data}><Line dataKey="v" /></LineChart></div>;
}
`;

const GENERIC_APP = `import { useState } from 'react'
const App = () => {
  return (
    <main>
      <h1 className="title">Kanban <em>Board</em></h1>
    </main>
  )
}
export default App;
`;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <title>Animated loading spinner</title>
  <circle cx="50" cy="50" r="40" stroke="teal" fill="none"/>
</svg>`;

const MARKDOWN = `Some intro text before the heading.

## Release notes — *v2.1*

- Fixed the thing`;

describe("suggestFromCode", () => {
  it("takes an HTML page's <title>, decoding entities, and its meta description when there is no chat", () => {
    expect(suggestFromCode({ code: HTML_PAGE, language: "html" })).toEqual({
      title: "Pomodoro Timer & Focus Tracker",
      description: "A focus timer with work and break cycles.",
    });
  });

  it("falls back to the first heading of an HTML fragment, tags stripped", () => {
    expect(
      suggestFromCode({
        code: `<div><h2 class="x">Color <b>Picker</b></h2></div>`,
        language: "html",
      }).title,
    ).toBe("Color Picker");
  });

  it("splits the default-exported component's name into words", () => {
    expect(suggestFromCode({ code: REACT_COMPONENT, language: "jsx" }).title).toBe(
      "Sales Dashboard Card",
    );
  });

  it("uses the JSX heading when the component is just called App", () => {
    expect(suggestFromCode({ code: GENERIC_APP, language: "tsx" }).title).toBe("Kanban Board");
  });

  it("reads an SVG <title> and a Markdown heading (ATX or setext)", () => {
    expect(suggestFromCode({ code: SVG, language: "svg" }).title).toBe("Animated loading spinner");
    expect(suggestFromCode({ code: MARKDOWN, language: "markdown" }).title).toBe(
      "Release notes — v2.1",
    );
    expect(
      suggestFromCode({ code: "My Notes\n========\n\nbody", language: "markdown" }).title,
    ).toBe("My Notes");
  });

  it("describes with the chat's first user message, and titles with it when the code has no name", () => {
    const message =
      "Can you make me a particle system that follows the mouse? Use canvas, no libraries.\nDark background please.";
    expect(
      suggestFromCode({
        code: "const c = document.querySelector('canvas');",
        language: "javascript",
        firstUserMessage: message,
      }),
    ).toEqual({
      title: "Particle system that follows the mouse",
      description:
        "Can you make me a particle system that follows the mouse? Use canvas, no libraries. Dark background please.",
    });
  });

  it("prefers the code's title but the chat's description", () => {
    const s = suggestFromCode({
      code: HTML_PAGE,
      language: "html",
      firstUserMessage: "build a pomodoro app",
    });
    expect(s).toEqual({
      title: "Pomodoro Timer & Focus Tracker",
      description: "build a pomodoro app",
    });
  });

  it("clips long text at a word boundary and keeps invisible characters out", () => {
    const long = "word ".repeat(200);
    const s = suggestFromCode({
      code: "x",
      language: "python",
      firstUserMessage: `Hi\u202E ${long}`,
    });
    expect(s.description!.length).toBeLessThanOrEqual(300);
    expect(s.description!.endsWith("…")).toBe(true);
    expect(s.description).not.toMatch(/\u202E/);
    expect(s.title!.length).toBeLessThanOrEqual(80);
  });

  it("suggests nothing rather than something made up", () => {
    expect(suggestFromCode({ code: "body { color: red }", language: "css" })).toEqual({
      title: null,
      description: null,
    });
  });
});

describe("helpers", () => {
  it("splits identifiers with acronyms, digits and underscores", () => {
    expect(splitIdentifier("SVGPathEditor")).toBe("SVG Path Editor");
    expect(splitIdentifier("kanban_board")).toBe("Kanban Board");
    expect(splitIdentifier("Game2048")).toBe("Game2048");
  });

  it("finds default exports of several shapes", () => {
    expect(defaultExportName("export default class TodoList extends React.Component {}")).toBe(
      "TodoList",
    );
    expect(defaultExportName("function Clock() {}\nexport default memo(Clock);")).toBe("Clock");
    expect(defaultExportName("const Chart = () => null;\nexport { Chart as default };")).toBe(
      "Chart",
    );
    expect(defaultExportName("export default () => <div/>")).toBeNull();
  });

  it("finds the first user message in both transcript shapes and ignores junk", () => {
    expect(
      firstUserMessage(
        JSON.stringify({
          messages: [
            { role: "system", content: "be nice" },
            { role: "user", content: "a clock" },
          ],
        }),
      ),
    ).toBe("a clock");
    expect(
      firstUserMessage(
        JSON.stringify([
          { role: "assistant", content: "hi" },
          { role: "user", content: "b" },
        ]),
      ),
    ).toBe("b");
    expect(firstUserMessage("{not json")).toBeNull();
    expect(firstUserMessage("")).toBeNull();
  });
});
