import { parseHTML } from 'linkedom';
import type { MetaDocument } from './html-meta.js';
import type { DomNode } from './html-text.js';

/** The DOM operations used on a parsed page (linkedom provides them). */
interface MutableNode extends DomNode {
  childNodes: ArrayLike<MutableNode>;
  appendChild(node: MutableNode): MutableNode;
  insertBefore(node: MutableNode, ref: MutableNode | null): MutableNode;
}
interface MutableDocument extends MetaDocument {
  childNodes: ArrayLike<MutableNode>;
  createElement(name: string): MutableNode;
  appendChild(node: MutableNode): MutableNode;
  body: DomNode | null;
}

export interface ParsedPage {
  document: MetaDocument & { body: DomNode | null };
}

const DOCTYPE = 10;
const HEAD_ONLY = new Set(['title', 'meta', 'link', 'base']);

/**
 * Parse with linkedom, then give the document the html > head + body shape a browser would.
 * linkedom builds the tree as written: a fragment, or a page without <html>/<body>, has no
 * body, and its `body` getter then inserts an empty one, which readability would read.
 */
export function parsePage(html: string): ParsedPage {
  const { document } = parseHTML(html) as unknown as { document: MutableDocument };
  let root = firstElement(document.childNodes, 'html');
  if (!root) {
    root = document.createElement('html');
    for (const child of Array.from(document.childNodes)) if (child.nodeType !== DOCTYPE) root.appendChild(child);
    document.appendChild(root);
  }
  let head = firstElement(root.childNodes, 'head');
  if (!head) {
    head = document.createElement('head');
    root.insertBefore(head, root.firstChild as MutableNode | null);
  }
  let body = firstElement(root.childNodes, 'body');
  if (!body) {
    body = document.createElement('body');
    root.appendChild(body);
  }
  // loose children of <html>: head elements go to head; content before body goes first in it
  let before = true;
  const bodyStart = body.firstChild as MutableNode | null;
  for (const child of Array.from(root.childNodes)) {
    if (child === head) continue;
    if (child === body) {
      before = false;
      continue;
    }
    if (before && HEAD_ONLY.has(child.localName ?? '')) head.appendChild(child);
    else if (before) body.insertBefore(child, bodyStart);
    else body.appendChild(child);
  }
  // keep head before body: linkedom's body getter looks at head's next element sibling
  if (root.firstChild !== head) root.insertBefore(head, root.firstChild as MutableNode | null);
  return { document };
}

export function parsePageOrNull(html: string): ParsedPage | null {
  try {
    return parsePage(html);
  } catch {
    return null;
  }
}

function firstElement(nodes: ArrayLike<MutableNode>, name: string): MutableNode | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.nodeType === 1 && n.localName === name) return n;
  }
  return undefined;
}
