/**
 * NER scorer (eval/ner): exact span + type micro precision / recall / F1, overall and per type.
 * System types are mapped to the four CoNLL types; unmapped types are dropped.
 */
import { readFileSync } from 'node:fs';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const NER_EVAL_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export interface NerGoldEntity {
  start: number;
  end: number;
  type: string;
  text?: string;
}

export interface NerRecord {
  id: string;
  text: string;
  entities: NerGoldEntity[];
}

export interface NerPrediction {
  start: number;
  end: number;
  type: string;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface NerCounts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface NerScore extends Prf {
  perType: Record<NerType, Prf>;
  counts: Record<NerType | 'ALL', NerCounts>;
}

const TYPE_MAP: Record<string, NerType> = {
  PER: 'PER',
  PERSON: 'PER',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  LOC: 'LOC',
  LOCATION: 'LOC',
  GPE: 'LOC',
  FAC: 'LOC',
  MISC: 'MISC',
  NORP: 'MISC',
  EVENT: 'MISC',
  LAW: 'MISC',
};

/** map a system entity type to PER/ORG/LOC/MISC, or null to drop it */
export function mapNerType(type: string): NerType | null {
  return TYPE_MAP[type.toUpperCase()] ?? null;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted > 0 ? tp / predicted : 0;
  const recall = gold > 0 ? tp / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function scoreNer(records: NerRecord[], predict: (text: string) => NerPrediction[]): NerScore {
  const counts: Record<NerType | 'ALL', NerCounts> = {
    PER: { tp: 0, predicted: 0, gold: 0 },
    ORG: { tp: 0, predicted: 0, gold: 0 },
    LOC: { tp: 0, predicted: 0, gold: 0 },
    MISC: { tp: 0, predicted: 0, gold: 0 },
    ALL: { tp: 0, predicted: 0, gold: 0 },
  };
  for (const rec of records) {
    const gold = new Set<string>();
    for (const e of rec.entities) {
      const t = mapNerType(e.type);
      if (!t) continue;
      const key = `${e.start}:${e.end}:${t}`;
      if (gold.has(key)) continue;
      gold.add(key);
      counts[t].gold++;
      counts.ALL.gold++;
    }
    const seen = new Set<string>();
    for (const p of predict(rec.text)) {
      const t = mapNerType(p.type);
      if (!t) continue;
      const key = `${p.start}:${p.end}:${t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counts[t].predicted++;
      counts.ALL.predicted++;
      if (gold.has(key)) {
        counts[t].tp++;
        counts.ALL.tp++;
      }
    }
  }
  const all = prf(counts.ALL.tp, counts.ALL.predicted, counts.ALL.gold);
  const perType = {} as Record<NerType, Prf>;
  for (const t of NER_EVAL_TYPES) perType[t] = prf(counts[t].tp, counts[t].predicted, counts[t].gold);
  return { ...all, perType, counts };
}

/** read a JSONL file of NER records */
export function readNerRecords(path: string): NerRecord[] {
  const out: NerRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim()) out.push(JSON.parse(line) as NerRecord);
  }
  return out;
}

/** a fixed-width table of a score, for CLI output */
export function formatNerScore(s: NerScore): string {
  const row = (name: string, p: Prf, c: NerCounts) =>
    `${name.padEnd(5)} P=${(100 * p.precision).toFixed(2).padStart(6)} R=${(100 * p.recall).toFixed(2).padStart(6)} ` +
    `F1=${(100 * p.f1).toFixed(2).padStart(6)}  (tp ${c.tp}, pred ${c.predicted}, gold ${c.gold})`;
  const lines = NER_EVAL_TYPES.map((t) => row(t, s.perType[t], s.counts[t]));
  lines.push(row('ALL', s, s.counts.ALL));
  return lines.join('\n');
}
