/**
 * CASE 2021 task 2 scorer (eval/eventtype, ../shared/eval/FORMATS.md "eventtype"): the ACLED
 * sub-event type of a snippet's main event mapped to a CASE code; the five labels outside ACLED
 * come from cue words (data/lexicons/acled.json "outsideAcled") and from diplomatic events.
 */
import { readFileSync } from 'node:fs';
import { SitrepDocument } from '../../core/document.js';
import { dataPath } from '../../core/paths.js';
import type { EventRecord } from '../../core/layers/index.js';
import { wordsPattern } from '../../stages/events/acled.js';
import type { EvalTask } from './registry.js';

export const CASE_CODES: Record<string, string> = {
  'Armed clash': 'ARMED_CLASH',
  'Government regains territory': 'GOV_REGAINS_TERIT',
  'Non-state actor overtakes territory': 'NON_STATE_ACTOR_OVERTAKES_TER',
  'Shelling/artillery/missile attack': 'ART_MISS_ATTACK',
  'Air/drone strike': 'AIR_STRIKE',
  'Suicide bomb': 'SUIC_BOMB',
  'Remote explosive/landmine/IED': 'REM_EXPLOS',
  Grenade: 'GRENADE',
  'Chemical weapon': 'CHEM_WEAP',
  Attack: 'ATTACK',
  'Abduction/forced disappearance': 'ABDUCT_DISSAP',
  'Sexual violence': 'SEX_VIOL',
  'Peaceful protest': 'PEACE_PROTEST',
  'Protest with intervention': 'PROTEST_WITH_INTER',
  'Excessive force against protesters': 'FORCE_AGAINST_PROTEST',
  'Violent demonstration': 'VIOL_DEMONSTR',
  'Mob violence': 'MOB_VIOL',
  Agreement: 'AGREEMENT',
  Arrests: 'ARREST',
  'Change to group/activity': 'CHANGE_TO_GROUP_ACT',
  'Disrupted weapons use': 'DISR_WEAP',
  'Headquarters or base established': 'HQ_ESTABLISHED',
  'Looting/property destruction': 'PROPERTY_DISTRUCT',
  'Non-violent transfer of territory': 'NON_VIOL_TERRIT_TRANSFER',
  Other: 'OTHER',
};

const DIPLOMATIC = new Set(['CONSULT', 'SUPPORT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SANCTION', 'CONCEDE', 'COOPERATE', 'AID']);
// ACLED codes force against protesters and violent protest under the protest, so a protest leads
const MAIN_ORDER = ['PROTEST', 'ASSAULT', 'COERCE', 'MOBILIZE', 'RETREAT', 'AGREE'];

export interface OutsideCues {
  ATTRIB: RegExp;
  NATURAL_DISASTER: RegExp;
  MAN_MADE_DISASTER: RegExp;
  ORG_CRIME: RegExp;
  DIPLO: RegExp;
}

export function loadOutsideCues(path = dataPath('lexicons', 'acled.json')): OutsideCues {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { outsideAcled?: Record<string, string[]> };
  const o = json.outsideAcled ?? {};
  const re = (k: string) => wordsPattern(o[k] ?? []);
  return { ATTRIB: re('ATTRIB'), NATURAL_DISASTER: re('NATURAL_DISASTER'), MAN_MADE_DISASTER: re('MAN_MADE_DISASTER'), ORG_CRIME: re('ORG_CRIME'), DIPLO: re('DIPLO') };
}

/** The CASE code of one snippet from its events and its words. */
export function caseLabel(text: string, events: readonly EventRecord[], cues: OutsideCues): string {
  if (cues.ATTRIB.test(text)) return 'ATTRIB';
  if (cues.NATURAL_DISASTER.test(text)) return 'NATURAL_DISASTER';
  const rank = (e: EventRecord) => { const i = MAIN_ORDER.indexOf(e.type); return i < 0 ? MAIN_ORDER.length : i; };
  const main = [...events].sort((a, b) => rank(a) - rank(b) || a.trigger.start - b.trigger.start)[0];
  const material = main && rank(main) < MAIN_ORDER.length;
  if (cues.ORG_CRIME.test(text) && (!main || main.type !== 'ASSAULT' || !/\b(?:killed|attack)/i.test(text))) return 'ORG_CRIME';
  if (cues.MAN_MADE_DISASTER.test(text) && (!material || main!.type === 'ASSAULT')) return 'MAN_MADE_DISASTER';
  if (material && main!.acled) return CASE_CODES[main!.acled.subEventType] ?? 'OTHER';
  if (main && DIPLOMATIC.has(main.type)) return 'DIPLO';
  if (cues.DIPLO.test(text)) return 'DIPLO';
  return main?.acled ? (CASE_CODES[main.acled.subEventType] ?? 'OTHER') : 'OTHER';
}

export function scoreEventType(records: readonly { id: string; text: string; label: string }[], predict: (text: string) => string): { accuracy: number; macroF1: number } {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let hits = 0;
  for (const r of records) {
    const p = predict(r.text);
    if (p === r.label) {
      hits++;
      tp.set(p, (tp.get(p) ?? 0) + 1);
    } else {
      fp.set(p, (fp.get(p) ?? 0) + 1);
      fn.set(r.label, (fn.get(r.label) ?? 0) + 1);
    }
  }
  const labels = [...new Set(records.map((r) => r.label))];
  const f1s = labels.map((l) => {
    const t = tp.get(l) ?? 0;
    const prec = t + (fp.get(l) ?? 0) ? t / (t + (fp.get(l) ?? 0)) : 0;
    const rec = t + (fn.get(l) ?? 0) ? t / (t + (fn.get(l) ?? 0)) : 0;
    return prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
  });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { accuracy: round(records.length ? hits / records.length : 0), macroF1: round(f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0) };
}

export const eventtypeTask: EvalTask = {
  name: 'eventtype',
  description: 'CASE 2021 task 2: ACLED sub-event type (and five outside labels) of a snippet',
  score(records, { pipeline }) {
    const cues = loadOutsideCues();
    const sub = pipeline.subset(['events']);
    return scoreEventType(records as { id: string; text: string; label: string }[], (text) => {
      const doc = sub.run(new SitrepDocument(text, {}));
      return caseLabel(doc.has('clean') ? doc.text : text, doc.maybe('events') ?? [], cues);
    }) as unknown as Record<string, unknown>;
  },
};
