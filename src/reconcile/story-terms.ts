/**
 * What a story is about, as weighted terms: the names it mentions (people,
 * organisations, places) weigh more than its content words. Two reports of one event
 * share names and key words; two different earthquakes share only the key words.
 */
const STOP = new Set(
  ('a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did not no it its this that these those ' +
    'he she they we you i his her their our your them him me my said says say told according also after before over into about than then there here ' +
    'who whom which what when where why how will would could should may might can one two three new more most other some such only just up out ' +
    'year years day days week time people last first s t').split(' '),
);

export interface StoryInput {
  text: string;
  /** entity surface forms with their type */
  entities?: { text: string; type: string }[];
}

export function storyTerms(input: StoryInput, nameWeight = 1): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (t: string, w: number) => terms.set(t, (terms.get(t) ?? 0) + w);
  for (const w of input.text.toLowerCase().match(/\p{L}[\p{L}'-]+/gu) ?? []) {
    if (w.length > 2 && !STOP.has(w)) add(`w:${w.replace(/'s$/, '')}`, 1);
  }
  for (const e of input.entities ?? []) {
    if (!['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT'].includes(e.type)) continue;
    const name = e.text.toLowerCase().replace(/^the\s+/, '').replace(/[’']s$/, '').trim();
    if (name) add(`n:${name}`, nameWeight);
    // a surname alone ("Reid") should meet the full name ("Tara Reid")
    const parts = name.split(/\s+/);
    if (e.type === 'PERSON' && parts.length > 1) add(`n:${parts[parts.length - 1]}`, nameWeight);
  }
  return terms;
}
