import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";
import { TEMPLATES } from "./templates";

// Realistic pastes: what an assistant hands back, as people copy it.
const HTML_DOC = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>Pomodoro</title>
  <script src="https://cdn.tailwindcss.com"></script>
</head>
<body class="bg-slate-900 text-white">
  <div id="timer">25:00</div>
  <script>
    const el = document.getElementById("timer");
    let left = 25 * 60;
    setInterval(() => { left--; el.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0"); }, 1000);
  </script>
</body>
</html>`;

const HTML_FRAGMENT = `<style>
  .card { padding: 1rem; border-radius: 12px; }
</style>
<div class="card">
  <h2>Hello</h2>
  <button onclick="alert('hi')">Click</button>
</div>`;

const JSX_COMPONENT = `import React, { useState } from 'react';
import { LineChart, Line, XAxis, YAxis } from 'recharts';
import { Sun, Moon } from 'lucide-react';

const data = [{ x: 1, y: 2 }, { x: 2, y: 5 }];

export default function Dashboard() {
  const [dark, setDark] = useState(false);
  return (
    <div className={dark ? "bg-gray-900 p-6" : "bg-white p-6"}>
      <button onClick={() => setDark(!dark)}>{dark ? <Sun /> : <Moon />}</button>
      <LineChart width={400} height={200} data={data}>
        <XAxis dataKey="x" />
        <YAxis />
        <Line dataKey="y" />
      </LineChart>
    </div>
  );
}`;

const JSX_NO_IMPORTS = `const App = () => {
  const [count, setCount] = React.useState(0);
  return <button className="px-4 py-2" onClick={() => setCount(count + 1)}>Clicked {count}</button>;
};

export default App;`;

const TSX_COMPONENT = `import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

interface Todo {
  id: number;
  text: string;
  done: boolean;
}

type Filter = "all" | "open" | "done";

export default function TodoApp() {
  const [todos, setTodos] = useState<Todo[]>([]);
  const [filter, setFilter] = useState<Filter>("all");
  const toggle = (id: number) =>
    setTodos((all) => all.map((t) => (t.id === id ? { ...t, done: !t.done } : t)));
  return (
    <Card className="max-w-md mx-auto mt-8">
      <CardHeader><CardTitle>Todos ({filter})</CardTitle></CardHeader>
      <CardContent>
        {todos.map((t) => <div key={t.id} onClick={() => toggle(t.id)}>{t.text}</div>)}
        <Button onClick={() => setFilter("done")}>Done</Button>
      </CardContent>
    </Card>
  );
}`;

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="200" height="200">
  <circle cx="50" cy="50" r="40" fill="#4f6ef7" />
  <text x="50" y="55" text-anchor="middle" fill="white">Hi</text>
</svg>`;

const SVG_BARE = `<svg viewBox="0 0 24 24"><path d="M12 2L2 22h20z"/></svg>`;

const MARKDOWN = `# Release notes

## What's new

- **Live preview** while you write
- Starter templates for [HTML](https://example.com/html) and React

> Tip: press Esc, then Tab, to leave the editor.

\`\`\`js
console.log("hello");
\`\`\`
`;

const PYTHON = `import numpy as np
from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float


def distance(a: Point, b: Point) -> float:
    return np.hypot(a.x - b.x, a.y - b.y)


if __name__ == "__main__":
    print(f"{distance(Point(0, 0), Point(3, 4)):.1f}")
`;

const PYTHON_COMMENTED = `# Fibonacci with memoisation
# (a heading-looking comment must not make this Markdown)
def fib(n, memo={}):
    if n in memo:
        return memo[n]
    if n < 2:
        return n
    memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

for i in range(10):
    print(fib(i))
`;

const CSS = `:root {
  --accent: #4f6ef7;
}

body {
  margin: 0;
  font-family: system-ui, sans-serif;
}

.button:hover {
  background: var(--accent);
  padding: 0.5rem 1rem;
}

@media (max-width: 600px) {
  .button { width: 100%; }
}
`;

const JSON_TEXT = `{
  "name": "vitrine",
  "version": "1.0.0",
  "dependencies": { "react": "19.0.0" }
}`;

const PLAIN_JS = `const canvas = document.querySelector("canvas");
const ctx = canvas.getContext("2d");
function draw(t) {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.fillRect(100 + Math.sin(t / 500) * 50, 100, 20, 20);
  requestAnimationFrame(draw);
}
requestAnimationFrame(draw);`;

const P5_SKETCH = `function setup() {
  createCanvas(400, 400);
}

function draw() {
  background(220);
  ellipse(mouseX, mouseY, 50, 50);
}`;

describe("detectLanguage", () => {
  it.each([
    ["an HTML document with Tailwind and a script", HTML_DOC, "html"],
    ["an HTML fragment (style + div)", HTML_FRAGMENT, "html"],
    ["a JSX component with imports", JSX_COMPONENT, "jsx"],
    ["a JSX arrow component without imports", JSX_NO_IMPORTS, "jsx"],
    ["a TSX component with interfaces and generics", TSX_COMPONENT, "tsx"],
    ["an SVG with an XML declaration", SVG, "svg"],
    ["a one-line SVG", SVG_BARE, "svg"],
    ["Markdown with headings, lists, a quote and a fence", MARKDOWN, "markdown"],
    ["Python with imports, a dataclass and a main guard", PYTHON, "python"],
    ["Python that starts with # comments", PYTHON_COMMENTED, "python"],
    ["a CSS stylesheet", CSS, "css"],
    ["JSON (no preview: other)", JSON_TEXT, "other"],
    ["plain JavaScript on a canvas", PLAIN_JS, "javascript"],
    ["a p5 sketch", P5_SKETCH, "javascript"],
  ])("recognises %s", (_name, code, expected) => {
    expect(detectLanguage(code)).toBe(expected);
  });

  it("ignores leading and trailing blank lines", () => {
    expect(detectLanguage(`\n\n   ${SVG_BARE}\n\n`)).toBe("svg");
  });

  it("says nothing for empty input or too little to tell", () => {
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage("   \n  ")).toBeNull();
    expect(detectLanguage("hello")).toBeNull();
  });

  it("reads only the start of a huge paste (fast on 1 MB)", () => {
    const huge = HTML_DOC + "<p>x</p>\n".repeat(120_000);
    expect(detectLanguage(huge)).toBe("html");
  });
});

describe("the starter templates", () => {
  it.each(TEMPLATES.map((t) => [t.label, t] as const))(
    "%s is detected as its own language (picking one never flips the language)",
    (_label, template) => {
      expect(detectLanguage(template.code)).toBe(template.language);
    },
  );
});
