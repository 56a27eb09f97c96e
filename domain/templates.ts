// Starter templates offered on an empty /new: one small, working artifact per language, so a first
// publish takes a click. Each runs in the preview as is (the languages without a preview show code).
import type { Language } from "./languages";

export type Template = { id: string; language: Language; label: string; code: string };

export const TEMPLATES: Template[] = [
  {
    id: "html",
    language: "html",
    label: "HTML page",
    code: `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Counter</title>
  <style>
    body { font-family: system-ui, sans-serif; display: grid; place-items: center; min-height: 100vh; margin: 0; background: #f5f7ff; }
    button { font-size: 1.25rem; padding: 0.75rem 1.5rem; border: 0; border-radius: 0.75rem; background: #4f6ef7; color: white; cursor: pointer; }
  </style>
</head>
<body>
  <main>
    <h1>Hello, Vitrine</h1>
    <button id="count">Clicked 0 times</button>
  </main>
  <script>
    let n = 0;
    const button = document.getElementById("count");
    button.addEventListener("click", () => {
      n += 1;
      button.textContent = \`Clicked \${n} time\${n === 1 ? "" : "s"}\`;
    });
  </script>
</body>
</html>
`,
  },
  {
    id: "jsx",
    language: "jsx",
    label: "React component",
    code: `import { useState } from "react";

export default function App() {
  const [count, setCount] = useState(0);
  return (
    <div className="grid min-h-screen place-items-center bg-slate-50">
      <div className="space-y-4 text-center">
        <h1 className="text-3xl font-bold text-slate-800">Hello, Vitrine</h1>
        <button
          onClick={() => setCount(count + 1)}
          className="rounded-xl bg-indigo-500 px-6 py-3 text-lg font-medium text-white hover:bg-indigo-600"
        >
          Clicked {count} {count === 1 ? "time" : "times"}
        </button>
      </div>
    </div>
  );
}
`,
  },
  {
    id: "tsx",
    language: "tsx",
    label: "React + TypeScript",
    code: `import { useState } from "react";

type Task = { id: number; text: string; done: boolean };

export default function Tasks() {
  const [tasks, setTasks] = useState<Task[]>([
    { id: 1, text: "Write something", done: true },
    { id: 2, text: "Publish it on Vitrine", done: false },
  ]);
  const toggle = (id: number) =>
    setTasks((all) => all.map((t) => (t.id === id ? { ...t, done: !t.done } : t)));
  return (
    <ul className="mx-auto mt-10 max-w-sm space-y-2 p-4">
      {tasks.map((task) => (
        <li key={task.id}>
          <label className="flex items-center gap-3 rounded-lg border p-3">
            <input type="checkbox" checked={task.done} onChange={() => toggle(task.id)} />
            <span className={task.done ? "text-slate-400 line-through" : ""}>{task.text}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
`,
  },
  {
    id: "svg",
    language: "svg",
    label: "SVG drawing",
    code: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="320" height="320">
  <rect width="200" height="200" rx="24" fill="#eef2ff"/>
  <circle cx="100" cy="100" r="48" fill="#4f6ef7">
    <animate attributeName="r" values="44;52;44" dur="2s" repeatCount="indefinite"/>
  </circle>
  <text x="100" y="180" text-anchor="middle" font-family="system-ui" font-size="16" fill="#312e81">Vitrine</text>
</svg>
`,
  },
  {
    id: "markdown",
    language: "markdown",
    label: "Markdown note",
    code: `# A note

Write in **Markdown** and see it rendered beside the code.

- Lists
- [Links](https://example.com)
- \`inline code\`

> Quotes, tables and code blocks work too.
`,
  },
  {
    id: "javascript",
    language: "javascript",
    label: "p5.js sketch",
    code: `function setup() {
  createCanvas(400, 300);
}

function draw() {
  background(245, 247, 255);
  noStroke();
  fill(79, 110, 247);
  circle(mouseX, mouseY, 40);
}
`,
  },
  {
    id: "python",
    language: "python",
    label: "Python script",
    code: `def fizzbuzz(n: int) -> str:
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


if __name__ == "__main__":
    print(", ".join(fizzbuzz(i) for i in range(1, 16)))
`,
  },
];
