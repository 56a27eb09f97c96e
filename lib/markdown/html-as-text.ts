// A remark plugin: raw HTML in user Markdown is shown as the text it is, never dropped and never
// rendered. People talk about code here ("use a `<canvas>` instead of a <div>"); skipping the HTML
// nodes made those words vanish. Block-level HTML becomes a paragraph of text, inline HTML a text run.

type MdNode = { type: string; value?: string; children?: MdNode[] };

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function convert(node: MdNode): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== "html") {
      convert(child);
      return child;
    }
    const text: MdNode = { type: "text", value: child.value ?? "" };
    return FLOW_PARENTS.has(node.type) ? { type: "paragraph", children: [text] } : text;
  });
}

export function remarkHtmlAsText() {
  return (tree: MdNode) => convert(tree);
}
