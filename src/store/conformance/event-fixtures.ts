import { makeSpan } from '../../core/span.js';
import type { EventRecord, Quote } from '../../core/layers/index.js';
import type { EventFilter } from '../../query/event-filter.js';
import type { QuoteFilter } from '../../query/quote-filter.js';
import type { DocumentJson } from '../../serialize/document-json.js';

/**
 * Small hand-made documents whose events cover every case `eventMatches` distinguishes:
 * background and restated events, missing or odd dates, ACLED types or none, actors with
 * and without codes (mixed case, non-ASCII), places with and without a country, an alpha-2
 * code without an alpha-3 one, and events with no coordinates.
 */
type EventSpec = Partial<Omit<EventRecord, 'trigger' | 'sentenceSpan' | 'id'>> & { trigger: string };

function fixtureDocument(id: string, sentences: string[], specs: EventSpec[], meta: DocumentJson['meta'] = {}, speaker?: { name?: string; actorCode?: string }): DocumentJson {
  const text = sentences.join(' ');
  const starts = sentences.map((_, i) => sentences.slice(0, i).join(' ').length + (i ? 1 : 0));
  const quotes: Quote[] = [{ id: `${id}-q1`, span: makeSpan(text, starts[0]!, starts[0]! + sentences[0]!.length), direct: false, speaker: null, sentence: 0 }];
  if (speaker) {
    // the second sentence, said by the speaker named in the first word of the third
    const words = makeSpan(text, starts[2]!, starts[2]! + sentences[2]!.indexOf(' '));
    quotes.push({ id: `${id}-q2`, span: makeSpan(text, starts[1]!, starts[1]! + sentences[1]!.length), direct: true, speaker: { span: words, ...speaker }, cue: words, sentence: 1 });
  }
  const events = specs.map((spec, i): EventRecord => {
    const { trigger, ...rest } = spec;
    const s = rest.sentence ?? i % sentences.length;
    const at = text.indexOf(trigger, starts[s]);
    return {
      id: `${id}-e${i + 1}`,
      type: 'ASSAULT',
      trigger: makeSpan(text, at, at + trigger.length),
      sentence: s,
      sentenceSpan: makeSpan(text, starts[s]!, starts[s]! + sentences[s]!.length),
      countIds: [],
      quoteIds: i === 0 ? [quotes[0]!.id] : [],
      background: false,
      ...rest,
    };
  });
  return { meta: { id, ...meta }, pipelineVersion: 'test+00000000', raw: text, clean: { text, offsetMap: [] }, layers: { quotes, events }, diagnostics: [] };
}

const place = (name: string, country: string | undefined, lat?: number, lon?: number) => ({ name, country, lat, lon, fromArticleFocus: false });
const day = (value: string) => ({ value, precision: 'day' as const, fromPublication: false });
const actor = (name: string, actorCode?: string) => ({ name, actorCode, span: { start: 0, end: 0, text: '' } });

export function eventFixtureDocuments(): DocumentJson[] {
  const c = fixtureDocument(
    'fx-c',
    ['Militia fighters ambushed a convoy near Goma.', 'Gunmen killed villagers in Ituri.', 'Witnesses described the scene.'],
    [
      { trigger: 'ambushed', date: day('2023-12-31'), place: place('Goma', 'CD', -1.68, 29.22), source: actor('Militia'), target: actor('Convoy drivers', 'COD CVL'), acled: { eventType: 'Battles', subEventType: 'Armed clash' } },
      { trigger: 'killed', date: day('2024-01-01'), place: place('Ituri', 'CD'), target: actor('villagers', 'CVL'), acled: { eventType: 'Violence against civilians', subEventType: 'Attack' } },
      { trigger: 'ambushed', sentence: 0, type: 'THREATEN', place: place('Far east', 'FJ', -17.7, 179.9) },
    ],
    { url: 'https://news.example/fx-c' },
    { name: 'Witnesses' },
  );
  return [
    fixtureDocument(
      'fx-a',
      ['Artillery shelled Berd on Monday.', 'Protesters marched in Yerevan.', 'Troops from Azerbaijan seized a ridge.'],
      [
        { trigger: 'shelled', date: day('2024-05-06'), place: place('Berd', 'AM', 40.88, 45.39), source: actor('Azerbaijani Army', 'AZE MIL'), target: actor('Armenia', 'ARM'), acled: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' } },
        { trigger: 'marched', type: 'PROTEST', date: day('2024-05-07T10:30:00'), place: place('Yerevan', 'AM', 40.18, 44.51), acled: { eventType: 'Protests', subEventType: 'Peaceful protest' } },
        { trigger: 'seized', type: 'COERCE', date: day('2024-05-08'), source: actor('Troops', 'AZE MIL'), place: place('ridge', undefined) },
        { trigger: 'shelled', sentence: 0, background: true, date: day('2020-10-01'), place: place('Berd', 'AM', 40.88, 45.39) },
      ],
      { outlet: 'Test Wire', publishedAt: '2024-05-08' },
      { name: 'Defence Ministry', actorCode: 'ARM GOV' },
    ),
    fixtureDocument(
      'fx-b',
      ['Police in İstanbul detained ten ÖĞRENCİ activists.', 'Rebels attacked Pristina overnight.', 'The UN appealed for calm.'],
      [
        { trigger: 'detained', type: 'COERCE', date: day('2024-06-01'), place: place('İstanbul', 'tr', 41.01, 28.98), source: actor('Turkish Police', 'TUR COP'), acled: { eventType: 'Strategic developments', subEventType: 'Arrests' } },
        { trigger: 'attacked', date: day('2024-W22'), place: place('Pristina', 'XK', 42.66, 21.17), source: actor('Rebels'), acled: { eventType: 'Battles', subEventType: 'Armed clash' } },
        { trigger: 'appealed', type: 'REQUEST', source: actor('United Nations', 'IGO UNO') },
        { trigger: 'attacked', sentence: 1, duplicateOf: 'fx-b-e2', date: day('2024-06-02'), place: place('Pristina', 'XK', 42.66, 21.17) },
      ],
      {},
      {},
    ),
    c,
  ];
}

/** Every quote filter field alone, and together. */
export const FIXTURE_QUOTE_FILTERS: QuoteFilter[] = [
  {},
  { speaker: 'defence' },
  { speaker: 'arm gov' },
  { speaker: 'witnesses' },
  { speaker: 'nobody' },
  { article: 'fx-b' },
  { article: 'fx-c', direct: true },
  { direct: false },
  { text: 'marched' },
  { text: 'in' },
  { text: 'in', speaker: 'wit' },
];

/** Every filter field alone, with its edge cases, and a few together. */
export const FIXTURE_FILTERS: EventFilter[] = [
  {},
  { includeBackground: true },
  { includeRestated: true },
  { includeBackground: true, includeRestated: true },
  { from: '2024-05-07' },
  { to: '2024-05-07' },
  { from: '2024-05-07', to: '2024-05-07' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2024-W01' },
  { from: '' },
  { plover: ['ASSAULT'] },
  { plover: ['PROTEST', 'REQUEST'] },
  { plover: [] },
  { acled: ['battles'] },
  { acled: ['arrests', 'protests'] },
  { acled: ['attack'] },
  { acled: [] },
  { actor: 'azer' },
  { actor: 'aze' },
  { actor: 'cvl' },
  { actor: 'igo uno' },
  { actor: 'rebels' },
  { actor: 'Rebels' },
  { country: ['AM'] },
  { country: ['ARM'] },
  { country: ['AZE'] },
  { country: ['TR', 'CD'] },
  { country: ['TUR'] },
  { country: ['XK'] },
  { country: ['COD'] },
  { country: [] },
  { bbox: [44, 40, 46, 41] },
  { bbox: [-180, -90, 180, 90] },
  { bbox: [179, -20, -179, -10] },
  { bbox: [28.98, 41.01, 28.98, 41.01] },
  { text: 'shelled' },
  { text: 'öğrenci' },
  { text: 'istanbul' },
  { text: 'i̇stanbul' },
  { text: 'appealed for' },
  { text: '' },
  { text: '%' },
  { text: 'the_scene' },
  { actor: '\\' },
  { from: '2024-01-01', plover: ['ASSAULT', 'COERCE'], country: ['AM', 'CD', 'TR'], includeBackground: true },
  { actor: 'troops', text: 'ridge', country: ['AZE'] },
  { bbox: [20, -5, 46, 42], acled: ['battles', 'armed clash'], includeRestated: true },
  // a story's events (the cluster filter, resolved to its articles)
  { articleIds: ['fx-c'] },
  { articleIds: ['fx-c', 'fx-a', 'fx-missing'], includeBackground: true },
  { articleIds: [] },
  { articleIds: ['fx-a', 'fx-b'], country: ['CD', 'AM'], plover: ['ASSAULT'] },
];
