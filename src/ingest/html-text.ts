/**
 * Paragraph text from a DOM subtree: every block element (p, h1-h6, li, blockquote, pre,
 * div, td, ...) ends a paragraph, paragraphs are joined by "\n\n", <br> is "\n", and
 * whitespace collapses as a browser would except inside <pre>. The walk is iterative, so a
 * hostile page nested 100 000 deep costs time, not stack.
 */

/** The slice of the DOM node interface this module needs (linkedom provides it). */
export interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const BLOCK = new Set(
  ('address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul')
    .split(' '),
);
/** Never text: code, styling, embedded objects, form controls. */
const NEVER_TEXT = new Set(
  ('script style noscript template iframe object embed svg math canvas head title meta link ' +
    'button select option textarea input audio video map area').split(' '),
);
/** Page furniture: skipped when the whole body is the fallback source of text. */
export const PAGE_FURNITURE = new Set('nav footer header aside form menu dialog'.split(' '));
/**
 * Furniture readability may leave in what it extracted (it keeps a <nav> on short pages);
 * not <header>, which inside an article holds the standfirst.
 */
export const CONTENT_FURNITURE = new Set('nav footer aside form menu dialog'.split(' '));

export interface BlockTextOptions {
  /** extra element names to skip with their content */
  skip?: ReadonlySet<string>;
  /** stop collecting once this many characters are gathered (hostile-input cap) */
  maxChars?: number;
}

export function blockText(root: DomNode, options: BlockTextOptions = {}): string {
  const skip = options.skip;
  const maxChars = options.maxChars ?? Infinity;
  const paragraphs: string[] = [];
  let total = 0;
  let parts: string[] = [];
  let pre = 0;

  const flush = (): void => {
    if (parts.length === 0) return;
    const text = parts.join('').replace(/ *\n */g, '\n').trim();
    parts = [];
    if (text !== '') {
      paragraphs.push(text);
      total += text.length + 2;
    }
  };
  const enter = (node: DomNode): boolean => {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const value = node.nodeValue ?? '';
      parts.push(pre > 0 ? value : value.replace(/[ \t\n\r\f]+/g, ' '));
      return false;
    }
    if (node.nodeType !== ELEMENT) return false;
    const name = node.localName ?? '';
    if (NEVER_TEXT.has(name) || skip?.has(name) || isHidden(node)) return false;
    if (name === 'br') {
      parts.push('\n');
      return false;
    }
    if (BLOCK.has(name)) flush();
    if (name === 'pre') pre++;
    return true;
  };
  const exit = (node: DomNode): void => {
    const name = node.localName ?? '';
    if (name === 'pre') pre--;
    if (BLOCK.has(name)) flush();
  };

  let node = root.firstChild;
  while (node && total < maxChars) {
    const entered = enter(node);
    if (entered && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (entered) exit(node);
    // climb until a next sibling exists, leaving each finished element
    let next: DomNode | null = null;
    while (node && node !== root) {
      if (node.nextSibling) {
        next = node.nextSibling;
        break;
      }
      node = node.parentNode;
      if (node && node !== root) exit(node);
    }
    node = next;
  }
  flush();
  return paragraphs.join('\n\n');
}

function isHidden(node: DomNode): boolean {
  const hidden = node.getAttribute?.('hidden');
  return hidden !== null && hidden !== undefined;
}
