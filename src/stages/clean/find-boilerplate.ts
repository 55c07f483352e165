import type { BoilerplateBlock } from '../../core/layers/index.js';
import type { BoilerplateRules } from './rules.js';
import { matchAll } from '../../core/match-all.js';

/** where a sentence ends inside a line (the caption before a credit is the last one) */
const SENTENCE_END = /[.!?]["”’)]?(?:\s+|(?=[A-Z]))/g;

export interface FoundBlock {
  start: number;
  end: number;
  kind: BoilerplateBlock['kind'];
  rule: string;
  outlet?: string;
}

function lineBounds(raw: string, start: number, end: number): [number, number] {
  const ls = raw.lastIndexOf('\n', start - 1) + 1;
  const nl = raw.indexOf('\n', end);
  return [ls, nl < 0 ? raw.length : nl];
}

function findRuleBlocks(raw: string, rules: BoilerplateRules, out: FoundBlock[]): void {
  for (const rule of rules.rules) {
    rule.regex.lastIndex = 0;
    for (const m of matchAll(rule.regex, raw)) {
      if (m[0].trim().length === 0) continue;
      let [start, end] = [m.index!, m.index! + m[0].length];
      if (rule.extend === 'line') [start, end] = lineBounds(raw, start, end);
      const block: FoundBlock = { start, end, kind: rule.kind, rule: rule.id };
      const outlet = m.groups?.outlet?.trim();
      if (outlet) block.outlet = outlet;
      if (rule.id === 'photo-credit') block.start = captionStart(raw, start, rules);
      out.push(block);
    }
  }
}

/** A photo credit usually follows its caption; take the caption sentence too. */
function captionStart(raw: string, creditStart: number, rules: BoilerplateRules): number {
  const lineStart = raw.lastIndexOf('\n', creditStart - 1) + 1;
  const before = raw.slice(lineStart, creditStart).trimEnd();
  // the caption is the last sentence before the credit: find the previous sentence end
  let captionFrom = lineStart;
  for (const m of matchAll(SENTENCE_END, before)) {
    if (m.index! + m[0].length < before.length) captionFrom = lineStart + m.index! + m[0].length;
  }
  const caption = raw.slice(captionFrom, creditStart);
  if (caption.trim().length > 0 && caption.length < 400 && rules.captionBeforeCredit.test(caption)) {
    let s = captionFrom;
    while (s < creditStart && /\s/.test(raw[s]!)) s++;
    return s;
  }
  return creditStart;
}

/** Embedded video widgets: anchors close together form one block. */
function findVideoBlocks(raw: string, rules: BoilerplateRules, out: FoundBlock[]): void {
  rules.videoAnchors.lastIndex = 0;
  let current: { start: number; end: number; count: number; strong: boolean } | null = null;
  const flush = () => {
    if (current && current.strong && current.count >= 2) out.push({ start: current.start, end: current.end, kind: 'video-player', rule: 'video-player' });
  };
  for (const m of matchAll(rules.videoAnchors, raw)) {
    const start = m.index!;
    const end = start + m[0].length;
    // a bare clock time is only an anchor next to a widget, never on its own
    const strong = !/^\/?\d{1,2}:\d\d/.test(m[0]) && !/^▶+$/.test(m[0]);
    if (current && start - current.end <= rules.videoMaxGap) {
      current.end = end;
      current.count++;
      current.strong ||= strong;
    } else {
      flush();
      current = { start, end, count: 1, strong };
    }
  }
  flush();
}

/** A closing author bio: first-person text about a writing career, or "X is a journalist ...". */
function findAuthorBio(raw: string, rules: BoilerplateRules, out: FoundBlock[]): void {
  const lines: [number, number][] = [];
  let end = raw.length;
  while (end > 0 && lines.length < rules.bioTailLines) {
    const start = raw.lastIndexOf('\n', end - 1) + 1;
    if (raw.slice(start, end).trim()) lines.push([start, end]);
    end = start - 1;
  }
  // a bio is a short closing paragraph, never the body itself
  const firstBodyLine = raw.search(/\S/);
  for (const [s, e] of lines) {
    if (e - s > rules.bioMaxChars || raw.slice(firstBodyLine, s).trim().length < 30) continue;
    const line = raw.slice(s, e);
    const firstPerson = (line.match(rules.bioFirstPerson) ?? []).length;
    const isQuoted = /^[\s]*["“«]/.test(line);
    if ((firstPerson >= 2 && !isQuoted && rules.bioProfession.test(line)) || rules.bioThirdPerson.test(line)) {
      out.push({ start: s, end: e, kind: 'author-bio', rule: 'author-bio' });
    }
  }
}

/** a caption is a clause of a few words standing alone, with no closing stop */
const CAPTION_LINE = /^\p{Lu}[^\n]{14,160}(?<![.!?:;"”’)])$/u;
const MIN_CAPTION_WORDS = 4;

/**
 * "Read more: <link>" then "French soldiers were deployed to secure the area" then a
 * subheading: a news site's page puts a picture after a related link, so a short line with
 * no closing stop right after the link, with more text to follow, is the picture's caption.
 * (A short subheading, "Calls for calm", stays: it is under the word count.)
 */
function findCaptionsAfterLinks(raw: string, found: readonly FoundBlock[], out: FoundBlock[]): void {
  for (const b of found) {
    if (b.kind !== 'related-links') continue;
    const nl = raw.indexOf('\n', b.end);
    if (nl < 0 || raw.slice(b.end, nl).trim()) continue;
    const start = nl + 1;
    const lineEnd = raw.indexOf('\n', start);
    if (lineEnd < 0) continue; // the last line: nothing follows it, so it may be the body's end
    const line = raw.slice(start, lineEnd).trimEnd();
    if (CAPTION_LINE.test(line) && line.split(/\s+/).length >= MIN_CAPTION_WORDS && raw.slice(lineEnd + 1).trim()) {
      out.push({ start, end: start + line.length, kind: 'caption', rule: 'caption-after-related-link' });
    }
  }
}

/** Find every boilerplate passage in the raw text; overlapping finds are merged. */
export function findBoilerplate(raw: string, rules: BoilerplateRules): FoundBlock[] {
  const found: FoundBlock[] = [];
  findRuleBlocks(raw, rules, found);
  findVideoBlocks(raw, rules, found);
  findAuthorBio(raw, rules, found);
  findCaptionsAfterLinks(raw, [...found], found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: FoundBlock[] = [];
  for (const b of found) {
    const last = merged[merged.length - 1];
    if (last && b.start < last.end) {
      last.end = Math.max(last.end, b.end);
      last.outlet ??= b.outlet;
    } else merged.push({ ...b });
  }
  return merged;
}
