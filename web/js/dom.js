// Every piece of article data reaches the page as a text node or a property; never as markup.

/** el('div', { class: 'x', title: 't', onclick: f }, 'text', child) */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = String(v);
    else if (k === 'title') e.title = String(v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  // append() turns strings into Text nodes
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(typeof c === 'string' ? c : c instanceof Node ? c : String(c));
  return e;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** An http(s) link from untrusted metadata, or null. */
export function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export const PLOVER_COLORS = {
  ASSAULT: '#d7263d', COERCE: '#f46036', MOBILIZE: '#c5a000', SANCTION: '#8e6c8a', PROTEST: '#2e86ab', THREATEN: '#e36397',
  REJECT: '#6d597a', ACCUSE: '#b56576', REQUEST: '#355070', RETREAT: '#7d8491', AID: '#1b998b', COOPERATE: '#3bb273',
  CONCEDE: '#9bc53d', SUPPORT: '#5b8e7d', CONSULT: '#4d9de0', AGREE: '#0b6e4f',
};
export const colorOf = (type) => PLOVER_COLORS[type] ?? '#555';
