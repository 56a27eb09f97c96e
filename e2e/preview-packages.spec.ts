// Artifacts run as people made them: each one uses a library from the preview's vendored set the
// way Claude / ChatGPT output does (bare imports, CDN <script> tags, ESM CDN URLs, Babel in the
// page, p5 global mode) and the test asserts something specific it draws. One uses a package
// outside the set: the publish form warns before saving and the frame names the package.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FrameLocator, Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { createUser, expect, query, signIn, test } from "./fixtures";

const SHOTS = path.resolve(import.meta.dirname, "../screenshots/tmp");
let owner: Awaited<ReturnType<typeof createUser>>;

test.beforeAll(async () => {
  owner = await createUser("pkgs");
});

/** Publishes through the form (/new), as a person would; returns the artifact id. */
async function publish(page: Page, title: string, language: string, code: string): Promise<string> {
  await page.goto("/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption(language);
  const editor = page.getByTestId("code-editor").locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.fill(code);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return page.url().split("/a/")[1]!;
}

/** The same artifact row publishing makes, written directly (keeps the spec fast; the form is covered above). */
async function insert(title: string, language: string, code: string): Promise<string> {
  const [artifact] = await query<{ id: string }>(
    "insert into artifacts (owner_user_id, title, visibility) values ($1, $2, 'public') returning id",
    [owner.id, title],
  );
  const [version] = await query<{ id: string }>(
    `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
     values ($1, 1, 'sha256:' || encode(sha256(convert_to($2, 'UTF8')), 'hex'), $3, $2) returning id`,
    [artifact!.id, code, language],
  );
  await query("update artifacts set current_version_id = $1 where id = $2", [
    version!.id,
    artifact!.id,
  ]);
  return artifact!.id;
}

function previewOf(page: Page): FrameLocator {
  return page.frameLocator('iframe[title^="Preview of"]');
}

/** A canvas that shows something: more than one colour in its pixels. */
async function expectDrawn(canvas: Locator) {
  await expect(canvas).toBeVisible();
  // Generous: WebGL is software-rendered on these machines, and they are shared.
  await expect
    .poll(
      async () => {
        const { channels } = await sharp(await canvas.screenshot()).stats();
        return Math.max(...channels.slice(0, 3).map((c) => c.max - c.min));
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(60);
}

async function open(page: Page, id: string) {
  await page.goto(`/a/${id}`);
  // Started: "Running in a sandbox", or "Reported an error" for the artifact that names a missing package.
  await expect(page.getByText(/^(Running in a sandbox|Reported an error)$/)).toBeVisible({
    timeout: 30_000,
  });
}

/** Once the assertions passed (the preview drew): the preview at 1280 and 390 px, for people to look at. */
async function shoot(page: Page, shot: string) {
  {
    // For people to look at (screenshots/tmp is git-ignored): the preview at 1280 and 390 px wide.
    mkdirSync(SHOTS, { recursive: true });
    const region = page.getByRole("region", { name: "Live preview" });
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await region.screenshot({ path: path.join(SHOTS, `${shot}-1280.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await region.screenshot({ path: path.join(SHOTS, `${shot}-390.png`) });
    await page.setViewportSize(size);
  }
}

test.describe("packages in the preview", () => {
  // Each test publishes and loads a library into a fresh frame on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ page }) => {
    await signIn(page, owner.email, owner.password);
  });

  test("a React artifact using a package outside the set: the form warns, the frame names it", async ({
    page,
  }) => {
    await page.goto("/new");
    await page.getByLabel("Language").selectOption("tsx");
    const code = `import { Chess } from "chess.js";\nimport { useState } from "react";\nexport default function App() { const [g] = useState(() => new Chess()); return <p>{g.fen()}</p>; }`;
    const editor = page.getByTestId("code-editor").locator(".cm-content");
    await expect(editor).toBeVisible();
    await editor.fill(code);
    await expect(page.getByTestId("unavailable-packages")).toHaveText(
      /^The package "chess\.js" is not available in the Vitrine preview/,
    );
    const id = await publish(page, "Chess board", "tsx", code);
    await open(page, id);
    await expect(
      previewOf(page).getByText('The package "chess.js" is not available in the Vitrine preview'),
    ).toBeVisible();
  });

  test("lucide-react, recharts and framer-motion by bare import, one React", async ({ page }) => {
    const id = await publish(
      page,
      "Sales dashboard",
      "tsx",
      `import React, { useState } from 'react';
import { Heart, TrendingUp } from 'lucide-react';
import { LineChart, Line, XAxis, YAxis, CartesianGrid } from 'recharts';
import { motion } from 'framer-motion';

const data = [{ month: 'Jan', sales: 4 }, { month: 'Feb', sales: 9 }, { month: 'Mar', sales: 6 }];

export default function Dashboard() {
  const [likes, setLikes] = useState(3);
  return (
    <motion.div initial={{ opacity: 0 }} animate={{ opacity: 1 }} style={{ padding: 16 }}>
      <h2><TrendingUp size={20} /> Quarterly sales</h2>
      <button onClick={() => setLikes(likes + 1)}><Heart color="red" /> {likes} likes</button>
      <LineChart width={420} height={220} data={data}>
        <CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="month" /><YAxis /><Line dataKey="sales" stroke="#2563eb" isAnimationActive={false} />
      </LineChart>
    </motion.div>
  );
}`,
    );
    await open(page, id);
    const frame = previewOf(page);
    await expect(frame.getByRole("heading", { name: "Quarterly sales" })).toBeVisible();
    await expect(frame.locator("svg.lucide-heart")).toBeVisible();
    await expect(frame.locator(".recharts-line-curve")).toHaveAttribute("d", /^M/);
    await expect(frame.getByText("Feb")).toBeVisible();
    await frame.getByRole("button", { name: "3 likes" }).click();
    await expect(frame.getByRole("button", { name: "4 likes" })).toBeVisible();
    await shoot(page, "react-dashboard");
  });

  test("three.js from cdnjs with its old OrbitControls script draws a scene", async ({ page }) => {
    const id = await insert(
      "Spinning cube",
      "html",
      `<!DOCTYPE html><html><head>
<script src="https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js"></script>
<script src="https://cdn.jsdelivr.net/npm/three@0.128.0/examples/js/controls/OrbitControls.js"></script>
</head><body style="margin:0"><script>
const scene = new THREE.Scene();
const camera = new THREE.PerspectiveCamera(70, innerWidth / innerHeight, 0.1, 100);
const renderer = new THREE.WebGLRenderer({ antialias: true });
renderer.setSize(innerWidth, innerHeight); document.body.appendChild(renderer.domElement);
const cube = new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshNormalMaterial()); scene.add(cube); camera.position.z = 2.5;
const controls = new THREE.OrbitControls(camera, renderer.domElement);
(function loop() { requestAnimationFrame(loop); cube.rotation.y += 0.01; controls.update(); renderer.render(scene, camera); })();
</script></body></html>`,
    );
    await open(page, id);
    await expectDrawn(previewOf(page).locator("canvas"));
    await shoot(page, "three");
  });

  test("d3 as an ES module from jsDelivr's +esm and a bare d3-scale import", async ({ page }) => {
    const id = await insert(
      "Bars",
      "html",
      `<!DOCTYPE html><html><body><svg id="chart" width="300" height="160"></svg>
<script type="module">
import * as d3 from "https://cdn.jsdelivr.net/npm/d3@7/+esm";
import { scaleLinear } from "d3-scale";
const y = scaleLinear().domain([0, 10]).range([0, 150]);
d3.select("#chart").selectAll("rect").data([3, 7, 5]).join("rect")
  .attr("x", (d, i) => i * 70).attr("y", (d) => 160 - y(d)).attr("width", 60).attr("height", (d) => y(d)).attr("fill", "steelblue");
d3.select("body").append("p").text("Drawn with d3 " + d3.version);
</script></body></html>`,
    );
    await open(page, id);
    const frame = previewOf(page);
    await expect(frame.getByText(/^Drawn with d3 7\./)).toBeVisible();
    await expect(frame.locator("#chart rect")).toHaveCount(3);
  });

  test("Chart.js from a CDN <script> draws on its canvas", async ({ page }) => {
    const id = await insert(
      "Votes",
      "html",
      `<!DOCTYPE html><html><head><script src="https://cdn.jsdelivr.net/npm/chart.js"></script></head><body>
<canvas id="c" width="400" height="200"></canvas>
<script>new Chart(document.getElementById("c"), { type: "bar", data: { labels: ["A", "B", "C"], datasets: [{ label: "Votes", data: [12, 19, 3], backgroundColor: "rgb(255, 99, 132)" }] }, options: { animation: false, responsive: false } });</script>
</body></html>`,
    );
    await open(page, id);
    await expectDrawn(previewOf(page).locator("canvas#c"));
    await shoot(page, "chartjs");
  });

  test("a .js p5 sketch in global mode runs", async ({ page }) => {
    const id = await insert(
      "Sun",
      "javascript",
      `function setup() {\n  createCanvas(400, 300);\n}\n\nfunction draw() {\n  background(30, 120, 200);\n  fill(255, 200, 0);\n  ellipse(width / 2, height / 2, 120, 120);\n}`,
    );
    await open(page, id);
    await expectDrawn(previewOf(page).locator("canvas"));
    await shoot(page, "p5");
  });

  test("React 18 UMD from unpkg with Babel standalone compiling JSX in the page", async ({
    page,
  }) => {
    const id = await insert(
      "Counter",
      "html",
      `<!DOCTYPE html><html><head>
<script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
<script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
<script src="https://unpkg.com/@babel/standalone/babel.min.js"></script>
</head><body><div id="root"></div>
<script type="text/babel">
function Counter() { const [count, setCount] = React.useState(41); return <button onClick={() => setCount(count + 1)}>Count is {count}</button>; }
ReactDOM.createRoot(document.getElementById("root")).render(<Counter />);
</script></body></html>`,
    );
    await open(page, id);
    const frame = previewOf(page);
    await frame.getByRole("button", { name: "Count is 41" }).click();
    await expect(frame.getByRole("button", { name: "Count is 42" })).toBeVisible();
    await shoot(page, "babel");
  });

  test("KaTeX (script, stylesheet and fonts) and marked from jsDelivr", async ({ page }) => {
    const id = await insert(
      "Physics notes",
      "html",
      `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.css" integrity="sha384-n8MVd4RsNIU0tAv4ct0nTaAbDJwPJzDEaqSD1odI+WdtXRGWt2kTvGFasHpSy3SV" crossorigin="anonymous">
<script src="https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.js"></script>
<script src="https://cdn.jsdelivr.net/npm/marked/marked.min.js"></script>
</head><body><div id="notes"></div><p id="math"></p>
<script>
document.getElementById("notes").innerHTML = marked.parse("# Energy\\n\\nMass and energy are **equivalent**.");
katex.render("E = mc^2", document.getElementById("math"), { displayMode: true });
</script></body></html>`,
    );
    await open(page, id);
    const frame = previewOf(page);
    await expect(frame.getByRole("heading", { name: "Energy" })).toBeVisible();
    await expect(frame.locator("strong")).toHaveText("equivalent");
    await expect(frame.locator(".katex-display .katex-html")).toBeVisible();
    // The stylesheet applied and its font loaded from the preview origin.
    await expect(frame.locator(".katex").first()).toHaveCSS("font-family", /KaTeX_Main/);
    await expect
      .poll(() =>
        frame
          .locator("body")
          .evaluate(
            () =>
              document.fonts.check('1em "KaTeX_Main"') &&
              [...document.fonts].some((f) => f.family.includes("KaTeX") && f.status === "loaded"),
          ),
      )
      .toBe(true);
    await shoot(page, "katex-marked");
  });

  test("vendored files are served on the preview host only", async ({ request }) => {
    const manifest = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../.preview-runtime/manifest.json"), "utf8"),
    ) as { imports: Record<string, string> };
    const preview = process.env.E2E_PREVIEW_URL ?? "http://127.0.0.1:3000";
    const ok = await request.get(`${preview}${manifest.imports.recharts}`);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await request.get(manifest.imports.recharts!)).status()).toBe(404); // the app host
  });
});
