// The one sentence the frame and the publish form show for packages outside the preview's set.
// Its own file so the frame's bootstrap can use it without bundling the package list.

export function missingPackagesMessage(names: string[]): string {
  const list = names.map((n) => `"${n}"`);
  if (list.length === 1) {
    return `The package ${list[0]} is not available in the Vitrine preview, which runs only its built-in packages (see "Packages in the preview").`;
  }
  const joined = `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
  return `The packages ${joined} are not available in the Vitrine preview, which runs only its built-in packages (see "Packages in the preview").`;
}
