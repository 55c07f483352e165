import { eventMatches, type EventFilter } from '../query/event-filter.js';
import type { SaveStatus, Store } from '../store/store.js';
import { alertFilter, parseDelivery, thresholdsMet, type AlertDefinition, type AlertMatch, type Delivery } from './alert.js';
import type { AlertStore } from './alert-store.js';
import { deliverMatch, type DeliveryOptions } from './deliver.js';
import { mergedEventsFor, reportKey, type AlertableEvent } from './merged-events.js';
import { openAlertStore } from './open-alerts.js';

export interface EvaluatorOptions extends DeliveryOptions {
  /** one line per trouble (a webhook that failed, an alert that no longer parses); default stderr */
  log?: (line: string) => void;
  now?: () => Date;
}

/** PostgreSQL's deadlock_detected and serialization_failure */
const RETRYABLE = new Set(['40P01', '40001']);
const RETRIES = 4;

/** Does the merged event satisfy the alert: any report's event passes the shared filter, and every minimum holds. */
export function alertMatchesEvent(filter: EventFilter, thresholds: AlertDefinition['thresholds'], event: AlertableEvent): boolean {
  return event.records.some((r) => eventMatches(r, filter)) && thresholdsMet(thresholds, event.summary.figures);
}

/**
 * Evaluates the standing alerts against each newly stored article's merged events, records
 * each (alert, event) match once and delivers it. Nothing here throws into the caller: the
 * article is already stored, and trouble becomes a logged line.
 */
export class AlertEvaluator {
  private readonly log: (line: string) => void;

  constructor(
    private readonly store: Store,
    private readonly alerts: AlertStore,
    private readonly options: EvaluatorOptions = {},
  ) {
    this.log = options.log ?? ((line) => void process.stderr.write(`${line}\n`));
  }

  /** For ingest's `onStored`: evaluate after a save; a duplicate changes no event. Resolves to the new matches. */
  async articleStored(result: { id: string; status: SaveStatus }): Promise<AlertMatch[]> {
    if (result.status === 'duplicate') return [];
    for (let attempt = 1; ; attempt++) {
      try {
        const alerts = await this.alerts.listAlerts();
        if (alerts.length === 0) return []; // the common case costs one small query
        return await this.evaluate(alerts, result.id);
      } catch (err) {
        // PostgreSQL ends one of two deadlocked (or conflicting serializable) transactions of racing
        // workers; running again is the remedy, and recorded matches are never delivered twice
        if (attempt < RETRIES && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
        this.log(`sitrep alerts: article ${result.id}: could not evaluate alerts: ${(err as Error).message}`);
        return [];
      }
    }
  }

  private async evaluate(alerts: AlertDefinition[], articleId: string): Promise<AlertMatch[]> {
    const events = await mergedEventsFor(this.store, articleId);
    const fresh: AlertMatch[] = [];
    for (const alert of alerts) {
      let delivery: Delivery;
      let filter: EventFilter;
      try {
        delivery = parseDelivery(alert.deliver);
        filter = alertFilter(alert.filter);
      } catch (err) {
        this.log(`sitrep alerts: alert "${alert.name}" skipped: ${(err as Error).message}`);
        continue;
      }
      for (const event of events) {
        if (!alertMatchesEvent(filter, alert.thresholds, event)) continue;
        // a report that arrives late but was published earlier re-keys the event: it was matched under one of its reports' keys
        if (await this.alerts.hasMatch(alert.name, event.summary.reports.map(reportKey))) continue;
        const match: AlertMatch = { alert: alert.name, eventKey: event.summary.key, articleId, matchedAt: (this.options.now?.() ?? new Date()).toISOString(), event: event.summary };
        // the unique (alert, event) key decides who delivers when workers race
        if (!(await this.alerts.recordMatch(match))) continue;
        fresh.push(match);
        const problem = await deliverMatch(match, delivery, this.options);
        if (problem) this.log(`sitrep alerts: alert "${alert.name}", event ${match.eventKey}: not delivered: ${problem} (the match is recorded)`);
      }
    }
    return fresh;
  }
}

/** What ingest, watch and the workers hold: an `onStored` callback over the alert tables beside the store. */
export interface AlertHook {
  onStored(result: { id: string; status: SaveStatus }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open the alert tables beside the store. When they cannot be opened, ingesting goes on without
 * alerts (said once on the log): the articles matter more than their alerts.
 */
export async function openAlertHook(store: Store, location: string, options: EvaluatorOptions = {}): Promise<AlertHook> {
  let alerts: AlertStore;
  try {
    alerts = await openAlertStore(location);
  } catch (err) {
    (options.log ?? ((line) => void process.stderr.write(`${line}\n`)))(`sitrep alerts: alerts are not evaluated: cannot open the alert tables: ${(err as Error).message}`);
    return { onStored: async () => {}, close: async () => {} };
  }
  const evaluator = new AlertEvaluator(store, alerts, options);
  return {
    onStored: async (result) => void (await evaluator.articleStored(result)),
    close: () => alerts.close(),
  };
}
