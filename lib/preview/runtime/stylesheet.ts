// The frame's side of the compiled Tailwind stylesheet: one <style> at the top of <head>, before
// anything the artifact adds, so the artifact's own CSS wins ties as it would after Claude's
// Tailwind. HTML pages get theirs inside the page itself (the server puts it where the page asked).
export function applyStylesheet(css: string | undefined) {
  if (!css) return;
  const style = document.createElement("style");
  style.setAttribute("data-vitrine", "tailwind");
  style.textContent = css;
  document.head.prepend(style);
}
