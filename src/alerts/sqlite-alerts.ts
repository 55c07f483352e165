import type Database from 'better-sqlite3';
import { openSideSqlite } from '../store/side-tables.js';
import { AlertError, type AlertDefinition, type AlertMatch } from './alert.js';
import { alertFromRow, clampLimit, matchFromRow, type AlertRow, type AlertStore, type MatchRow } from './alert-store.js';

/** Alerts in their own tables of the store's SQLite file; the store's migrations know nothing of them. */
export class SqliteAlertStore implements AlertStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = openSideSqlite(path);
  }

  async migrate(): Promise<void> {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS alerts (
        name TEXT PRIMARY KEY,
        filter_json TEXT NOT NULL,
        thresholds_json TEXT NOT NULL,
        deliver TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS alert_matches (
        alert_name TEXT NOT NULL REFERENCES alerts(name) ON DELETE CASCADE,
        event_key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        matched_at TEXT NOT NULL,
        event_json TEXT NOT NULL,
        PRIMARY KEY (alert_name, event_key)
      );
      CREATE INDEX IF NOT EXISTS alert_matches_by_time ON alert_matches (matched_at);`);
  }

  async addAlert(def: AlertDefinition): Promise<void> {
    const result = this.db
      .prepare('INSERT INTO alerts (name, filter_json, thresholds_json, deliver, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(def.name, JSON.stringify(def.filter), JSON.stringify(def.thresholds), def.deliver, def.createdAt);
    if (result.changes === 0) throw new AlertError(`an alert named "${def.name}" already exists`);
  }

  async listAlerts(): Promise<AlertDefinition[]> {
    return (this.db.prepare('SELECT * FROM alerts ORDER BY created_at, name').all() as AlertRow[]).map(alertFromRow);
  }

  async removeAlert(name: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM alert_matches WHERE alert_name = ?').run(name);
      return this.db.prepare('DELETE FROM alerts WHERE name = ?').run(name).changes > 0;
    })();
  }

  async recordMatch(m: AlertMatch): Promise<boolean> {
    const result = this.db
      .prepare('INSERT INTO alert_matches (alert_name, event_key, article_id, matched_at, event_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(m.alert, m.eventKey, m.articleId, m.matchedAt, JSON.stringify(m.event));
    return result.changes === 1;
  }

  async hasMatch(alert: string, eventKeys: string[]): Promise<boolean> {
    const stmt = this.db.prepare('SELECT 1 FROM alert_matches WHERE alert_name = ? AND event_key = ?').pluck();
    return eventKeys.some((k) => stmt.get(alert, k) !== undefined);
  }

  async listMatches(options: { alert?: string; limit?: number } = {}): Promise<AlertMatch[]> {
    const where = options.alert === undefined ? '' : 'WHERE alert_name = ?';
    const args = options.alert === undefined ? [] : [options.alert];
    const rows = this.db.prepare(`SELECT * FROM alert_matches ${where} ORDER BY matched_at DESC, rowid DESC LIMIT ?`).all(...args, clampLimit(options.limit)) as MatchRow[];
    return rows.map(matchFromRow);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
