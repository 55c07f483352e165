import type { AlertDefinition, AlertMatch } from './alert.js';

/**
 * Alerts and their matches, in their own tables of the store's database (the same SQLite
 * file, or the same PostgreSQL database and schema) through a connection of their own.
 */
export interface AlertStore {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  /** add a new alert; an alert of the same name is an AlertError */
  addAlert(def: AlertDefinition): Promise<void>;
  listAlerts(): Promise<AlertDefinition[]>;
  /** remove an alert and its matches; false when there was none of that name */
  removeAlert(name: string): Promise<boolean>;
  /**
   * Record a match once per (alert, event key): true when this call recorded it, false when it
   * was already there. Safe when several workers race on the same match (a unique key decides).
   */
  recordMatch(match: AlertMatch): Promise<boolean>;
  /** whether the alert already matched an event under any of these keys */
  hasMatch(alert: string, eventKeys: string[]): Promise<boolean>;
  /** newest first */
  listMatches(options?: { alert?: string; limit?: number }): Promise<AlertMatch[]>;
  close(): Promise<void>;
}

export interface MatchRow {
  alert_name: string;
  event_key: string;
  article_id: string;
  matched_at: string | Date;
  event_json: string | object;
}

export function matchFromRow(row: MatchRow): AlertMatch {
  return {
    alert: row.alert_name,
    eventKey: row.event_key,
    articleId: row.article_id,
    matchedAt: row.matched_at instanceof Date ? row.matched_at.toISOString() : row.matched_at,
    event: typeof row.event_json === 'string' ? JSON.parse(row.event_json) : (row.event_json as AlertMatch['event']),
  };
}

export interface AlertRow {
  name: string;
  filter_json: string | object;
  thresholds_json: string | object;
  deliver: string;
  created_at: string | Date;
}

export function alertFromRow(row: AlertRow): AlertDefinition {
  const json = <T>(v: string | object): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return {
    name: row.name,
    filter: json(row.filter_json),
    thresholds: json(row.thresholds_json),
    deliver: row.deliver,
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
  };
}

export const clampLimit = (limit: number | undefined): number => Math.min(Math.max(Math.floor(limit ?? 50), 1), 1000);
