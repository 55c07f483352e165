import type { CountKind } from '../core/layers/index.js';
import { FilterError, parseEventFilter, type EventFilter } from '../query/event-filter.js';

/**
 * A standing query: the shared event filter (kept as the parameters it was written in, so
 * it reads back the way it was given and is parsed by the one filter parser) plus minimum
 * reconciled figures, and where its matches go.
 */
export interface AlertDefinition {
  name: string;
  /** filter parameters as the API and `export` take them: type, country, from, to, actor, q… */
  filter: Record<string, string>;
  /** the event's reconciled best figure of each kind must be at least this */
  thresholds: Partial<Record<CountKind, number>>;
  /** "stdout", "jsonl:PATH" or "webhook:URL" */
  deliver: string;
  createdAt: string;
}

/** The merged event as it stood when an alert matched it. */
export interface AlertEventSummary {
  /** stable across reports: the earliest report's article id and event id */
  key: string;
  type: string;
  place?: string;
  date?: string;
  figures: { kind: CountKind; low: number; best: number; high: number; sources: number }[];
  reports: { articleId: string; eventId: string; outlet?: string; publishedAt?: string; trigger: string }[];
}

export interface AlertMatch {
  alert: string;
  eventKey: string;
  /** the newly stored article whose arrival made the event match */
  articleId: string;
  matchedAt: string;
  event: AlertEventSummary;
}

export class AlertError extends Error {}

/** Figures an alert can require a minimum of (`--min-killed` and so on). */
export const THRESHOLD_KINDS = ['killed', 'injured', 'displaced', 'arrested', 'detained', 'missing', 'kidnapped', 'captured'] as const satisfies readonly CountKind[];

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function checkAlertName(name: string): string {
  if (!NAME.test(name)) throw new AlertError(`alert name "${name}" must be 1–64 letters, digits, "-", "_" or "." (starting with a letter or digit)`);
  return name;
}

/** Parse the alert's filter with the shared parser; a bad value names itself. */
export function alertFilter(params: Record<string, string>): EventFilter {
  try {
    return parseEventFilter(params);
  } catch (err) {
    if (err instanceof FilterError) throw new AlertError(err.message);
    throw err;
  }
}

/** Minimums from strings (CLI flags, query parameters): whole numbers from 1. */
export function parseThresholds(values: Partial<Record<CountKind, string | undefined>>): Partial<Record<CountKind, number>> {
  const out: Partial<Record<CountKind, number>> = {};
  for (const kind of THRESHOLD_KINDS) {
    const raw = values[kind];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new AlertError(`minimum ${kind} must be a whole number from 1, not "${raw}"`);
    out[kind] = n;
  }
  return out;
}

export type Delivery = { kind: 'stdout' } | { kind: 'jsonl'; path: string } | { kind: 'webhook'; url: string };

/** "stdout", "jsonl:PATH" or "webhook:http(s)://…". */
export function parseDelivery(spec: string): Delivery {
  if (spec === 'stdout') return { kind: 'stdout' };
  if (spec.startsWith('jsonl:')) {
    const path = spec.slice('jsonl:'.length);
    if (!path) throw new AlertError('"jsonl:" needs a file path, e.g. jsonl:alerts.jsonl');
    return { kind: 'jsonl', path };
  }
  if (spec.startsWith('webhook:')) {
    const url = spec.slice('webhook:'.length);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AlertError(`"${url}" is not a URL (webhook:http://… or webhook:https://…)`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AlertError(`webhook "${url}": only http and https are supported`);
    return { kind: 'webhook', url };
  }
  throw new AlertError(`delivery "${spec}" must be stdout, jsonl:PATH or webhook:URL`);
}

/** Check a definition before it is stored: name, filter, thresholds and delivery all parse. */
export function validateAlert(def: AlertDefinition): AlertDefinition {
  checkAlertName(def.name);
  alertFilter(def.filter);
  parseDelivery(def.deliver);
  for (const [kind, n] of Object.entries(def.thresholds)) {
    if (!(THRESHOLD_KINDS as readonly string[]).includes(kind) || !Number.isInteger(n) || n! < 1) throw new AlertError(`bad threshold ${kind}=${String(n)}`);
  }
  return def;
}

/**
 * Every threshold holds on the event's reconciled *best* figure (the latest report's toll),
 * not the highest claim: one outlier report should not fire an alert the others contradict.
 */
export function thresholdsMet(thresholds: AlertDefinition['thresholds'], figures: AlertEventSummary['figures']): boolean {
  return Object.entries(thresholds).every(([kind, min]) => (figures.find((f) => f.kind === kind)?.best ?? 0) >= min!);
}
