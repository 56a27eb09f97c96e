// What the preview frame shares with its parent (the artifact page on the app origin): the
// document's config, the messages both ways, and the one way out (post). See shim.ts.

export type Kind = "html" | "svg" | "markdown" | "javascript" | "react";
export type Extras = { scripts?: string[]; module?: boolean; missing?: string[]; css?: string };
export type Payload = ({ kind: Kind; code: string } & Extras) | { kind: "error"; message: string };
/** `payload` only in the thumbnail renderer's copy of this document: render it at once. */
type Config = { appOrigin: string; runtimes: { markdown: string }; payload?: Payload };
export type Incoming =
  | ({ type: "render"; language: Kind; code: string } & Extras)
  | { type: "fail"; message: string }
  | { type: "ping"; id: number };

export const config = JSON.parse(
  document.getElementById("vitrine-config")?.textContent ?? "{}",
) as Config;

export function post(message: Record<string, unknown>) {
  // The parent is the app: say so, so nothing else can ever receive what the frame reports.
  try {
    parent.postMessage(message, config.appOrigin);
  } catch {
    // The parent navigated away or is not the app: nobody to tell.
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
