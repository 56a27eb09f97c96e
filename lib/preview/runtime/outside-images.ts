// Artifacts often point <img> at the web. The preview CSP refuses those requests (an image URL can
// carry anything the page read), so instead of a broken image the frame shows a placeholder naming
// the URL: the author sees what was not loaded and why, and no request is made.

const LOCAL_SCHEMES = new Set(["data:", "blob:"]);

function placeholder(url: string): string {
  const shown = url.length > 80 ? `${url.slice(0, 79)}…` : url;
  const escaped = shown.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="72" viewBox="0 0 320 72">
<rect x=".5" y=".5" width="319" height="71" rx="6" fill="#f4f4f5" stroke="#a1a1aa" stroke-dasharray="4 3"/>
<text x="12" y="28" font-family="system-ui,sans-serif" font-size="13" fill="#3f3f46">Outside image not loaded in the preview</text>
<text x="12" y="50" font-family="ui-monospace,monospace" font-size="10" fill="#52525b">${escaped}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function onImageError(event: Event) {
  const img = event.target;
  if (!(img instanceof HTMLImageElement) || img.dataset.vitrineOutsideSrc) return;
  let url: URL;
  try {
    url = new URL(img.currentSrc || img.src, document.baseURI);
  } catch {
    return;
  }
  // The preview origin's own files and inline images are allowed; anything else was refused.
  if (LOCAL_SCHEMES.has(url.protocol) || url.origin === new URL(location.href).origin) return;
  img.dataset.vitrineOutsideSrc = url.href;
  img.title = `Not loaded (previews make no outside requests): ${url.href}`;
  if (!img.alt) img.alt = `Outside image: ${url.href}`;
  img.removeAttribute("srcset");
  img.src = placeholder(url.href);
}

/** Error events do not bubble: listen in the capture phase (re-installed after document.open()). */
export function showOutsideImagesAsPlaceholders(): void {
  document.removeEventListener("error", onImageError, true);
  document.addEventListener("error", onImageError, true);
}
