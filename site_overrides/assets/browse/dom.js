// Building elements. Text is always set as textContent, never as HTML.

// An element with properties (text, class, data-*, aria-*, role and for as attributes; the rest as
// properties) and children.
export function el(tag, props, children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "for") node.setAttribute(key, value);
      else node[key] = value;
    }
  }
  if (children) node.append(...children);
  return node;
}
