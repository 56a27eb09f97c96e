import { chromium } from "playwright";
import pg from "pg";
import { createHash, randomUUID } from "node:crypto";
const db = new pg.Client({ connectionString: process.env.DATABASE_URL }); await db.connect();
const [{ id: owner }] = (await db.query("select user_id as id from profiles where handle like 'sandbox_%' limit 1")).rows;
async function art(lang, code, title) {
  const id = randomUUID(), v = randomUUID(), sha = createHash("sha256").update(code).digest("hex");
  await db.query("insert into artifacts (id, owner_user_id, title, visibility, description) values ($1,$2,$3,'public','A small demo for the preview screenshots.')", [id, owner, title]);
  await db.query("insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, code_language, code_content) values ($1,$2,1,$3,$4,$5)", [v, id, "sha256:"+sha, lang, code]);
  await db.query("update artifacts set current_version_id=$1 where id=$2", [v, id]);
  return id;
}
const react = await art("tsx", `import { useState } from "react";
export default function Palette() {
  const [hue, setHue] = useState(220);
  return (
    <div style={{ fontFamily: "system-ui", padding: 24 }}>
      <h1 style={{ margin: 0, color: \`hsl(\${hue} 70% 40%)\` }}>Palette explorer</h1>
      <p>Drag the slider to pick a hue.</p>
      <input type="range" min={0} max={360} value={hue} onChange={(e) => setHue(+e.target.value)} style={{ width: "100%" }} />
      <div style={{ display: "grid", gridTemplateColumns: "repeat(5, 1fr)", gap: 8, marginTop: 16 }}>
        {[90, 75, 60, 45, 30].map((l) => <div key={l} style={{ height: 80, borderRadius: 8, background: \`hsl(\${hue} 70% \${l}%)\` }} />)}
      </div>
    </div>
  );
}`, "Palette explorer");
const err = await art("jsx", `export default function App() {\n  const items = undefined;\n  return <ul>{items.map((i) => <li>{i}</li>)}</ul>;\n}`, "Broken list");
const loop = await art("javascript", `document.body.innerHTML = "<h1>Spinning…</h1>";\nsetTimeout(() => { while (true) {} }, 200);`, "Endless loop");
const md = await art("markdown", "# Release notes\n\nA **small** Markdown artifact.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "Markdown notes");
const svg = await art("svg", `<svg viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#4f6ef7"/><rect x="35" y="35" width="30" height="30" fill="#fff"/></svg>`, "Logo SVG");
await db.end();
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking"] });
const base = "http://localhost:4317";
for (const [name, id, vp, wait] of [
  ["react-desktop", react, { width: 1280, height: 800 }, 2500],
  ["react-phone", react, { width: 390, height: 844 }, 2500],
  ["error-desktop", err, { width: 1280, height: 800 }, 2500],
  ["error-phone", err, { width: 390, height: 844 }, 2500],
  ["markdown-desktop", md, { width: 1280, height: 800 }, 2500],
  ["svg-desktop", svg, { width: 1280, height: 800 }, 2500],
  ["stopped-desktop", loop, { width: 1280, height: 800 }, 9000],
  ["stopped-phone", loop, { width: 390, height: 844 }, 9000],
]) {
  const p = await b.newPage({ viewport: vp });
  await p.goto(base + "/a/" + id);
  await p.waitForTimeout(wait);
  await p.screenshot({ path: `/tmp/shots-preview/${name}.png`, fullPage: false });
  await p.close();
}
await b.close();
console.log("done");
