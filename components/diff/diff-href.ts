/** The diff page's state lives in its URL; every link and form on it goes through here. */
export type DiffState = {
  from: string;
  to: string;
  view: "unified" | "split";
  ws: boolean;
  full: boolean;
};

export function diffHref(artifactId: string, state: DiffState, hash = ""): string {
  const q = new URLSearchParams({ from: state.from, to: state.to });
  if (state.view === "split") q.set("view", "split");
  if (state.ws) q.set("ws", "1");
  if (state.full) q.set("full", "1");
  return `/a/${artifactId}/diff?${q.toString()}${hash}`;
}
