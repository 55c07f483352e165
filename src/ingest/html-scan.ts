/**
 * A linear pre-scan of raw HTML, for hostile pages. htmlparser2 (under linkedom) keeps its
 * open-element stack with unshift/indexOf, so parse time grows with nesting depth squared:
 * 100 000 unclosed <div>s take seconds, a million take minutes. `parseCost` estimates that
 * work before parsing; over budget, `flattenHtml` keeps only text and paragraph breaks, which
 * parse flat.
 */

const VOID = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(' '),
);
/** Closed implicitly by a sibling of the same kind, so they never pile up in the parser's stack. */
const SELF_ENDING = new Set('p li dt dd option optgroup tr td th thead tbody tfoot rt rp'.split(' '));
/** Their content is raw text up to the matching end tag. */
const RAW_TEXT = new Set('script style textarea title xmp iframe noembed noframes noscript template'.split(' '));
const BREAKS = new Set(
  ('address article aside blockquote caption dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 ' +
    'header hr li main nav ol p pre section table td th tr ul').split(' '),
);

interface TagVisitor {
  text(from: number, to: number): void;
  open(name: string): void;
  close(name: string): void;
}

/** Walks tags and text; comments, doctypes and raw-text element content are skipped. */
function scan(html: string, visit: TagVisitor): void {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)|<!--|<[!?]/g;
  let textFrom = 0;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const start = m.index;
    let end: number;
    if (m[0] === '<!--') {
      end = html.indexOf('-->', start + 4);
      end = end === -1 ? html.length : end + 3;
    } else {
      end = tagEnd(html, start + m[0].length);
    }
    if (start > textFrom) visit.text(textFrom, start);
    const name = m[2]?.toLowerCase();
    if (name !== undefined) {
      if (m[1] === '/') visit.close(name);
      else {
        visit.open(name);
        if (RAW_TEXT.has(name)) {
          const close = indexOfCaseless(html, `</${name}`, end);
          end = close === -1 ? html.length : close;
        }
      }
    }
    textFrom = end;
    tag.lastIndex = end;
  }
  if (textFrom < html.length) visit.text(textFrom, html.length);
}

/** Roughly how many stack-entry moves htmlparser2 will make on this page. */
export function parseCost(html: string): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let cost = 0;
  scan(html, {
    text() {},
    open(name) {
      if (VOID.has(name) || SELF_ENDING.has(name) || RAW_TEXT.has(name)) return;
      cost += stack.length;
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
    },
    close(name) {
      if ((open.get(name) ?? 0) === 0) {
        cost += stack.length; // a stray end tag: the parser searches the whole stack for it
        return;
      }
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, (open.get(top) ?? 1) - 1);
        if (top === name) break;
      }
    },
  });
  return cost;
}

/** Text and paragraph breaks only: every block tag becomes <p>, <br> stays, the rest goes. */
export function flattenHtml(html: string): string {
  const out: string[] = [];
  scan(html, {
    text(from, to) {
      out.push(html.slice(from, to));
    },
    open(name) {
      if (name === 'br') out.push('<br>');
      else if (BREAKS.has(name)) out.push('<p>');
    },
    close(name) {
      if (BREAKS.has(name)) out.push('<p>');
    },
  });
  return `<!DOCTYPE html><html><body>${out.join('')}</body></html>`;
}

/** Just past the '>' that ends a tag, skipping quoted attribute values ('<a title="x>y">'). */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) {
      return i + 1;
    } else if ((c === 0x22 || c === 0x27) && afterEquals) {
      quote = c;
    }
    if (c === 0x3d) afterEquals = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) afterEquals = false;
  }
  return html.length;
}

const endTagPatterns = new Map<string, RegExp>();

/** indexOf for an end tag, ignoring case, without lower-casing a 20 MB haystack per tag. */
function indexOfCaseless(haystack: string, needle: string, from: number): number {
  let re = endTagPatterns.get(needle);
  if (!re) endTagPatterns.set(needle, (re = new RegExp(needle, 'ig')));
  re.lastIndex = from;
  return re.exec(haystack)?.index ?? -1;
}
