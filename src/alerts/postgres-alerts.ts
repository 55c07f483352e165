import type pg from 'pg';
import { createSidePostgresTables, openSidePostgres } from '../store/side-tables.js';
import { AlertError, type AlertDefinition, type AlertMatch } from './alert.js';
import { alertFromRow, clampLimit, matchFromRow, type AlertStore } from './alert-store.js';

/** Alerts in their own tables of the store's PostgreSQL database (optionally in a schema). */
export class PostgresAlertStore implements AlertStore {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly prefix: string;

  constructor(connectionString: string, options: { schema?: string } = {}) {
    ({ pool: this.pool, prefix: this.prefix } = openSidePostgres(connectionString, options.schema));
  }

  async migrate(): Promise<void> {
    await createSidePostgresTables(this.pool, this.prefix, 'alerts', `
        CREATE TABLE IF NOT EXISTS ${this.prefix}alerts (
          name TEXT PRIMARY KEY,
          filter_json JSONB NOT NULL,
          thresholds_json JSONB NOT NULL,
          deliver TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE IF NOT EXISTS ${this.prefix}alert_matches (
          id BIGSERIAL,
          alert_name TEXT NOT NULL REFERENCES ${this.prefix}alerts(name) ON DELETE CASCADE,
          event_key TEXT NOT NULL,
          article_id TEXT NOT NULL,
          matched_at TIMESTAMPTZ NOT NULL,
          event_json JSONB NOT NULL,
          PRIMARY KEY (alert_name, event_key)
        );
        CREATE INDEX IF NOT EXISTS alert_matches_by_time ON ${this.prefix}alert_matches (matched_at);`);
  }

  async addAlert(def: AlertDefinition): Promise<void> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.prefix}alerts (name, filter_json, thresholds_json, deliver, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [def.name, JSON.stringify(def.filter), JSON.stringify(def.thresholds), def.deliver, def.createdAt],
    );
    if (rowCount === 0) throw new AlertError(`an alert named "${def.name}" already exists`);
  }

  async listAlerts(): Promise<AlertDefinition[]> {
    const { rows } = await this.pool.query(`SELECT * FROM ${this.prefix}alerts ORDER BY created_at, name`);
    return rows.map(alertFromRow);
  }

  async removeAlert(name: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.prefix}alerts WHERE name = $1`, [name]);
    return (rowCount ?? 0) > 0;
  }

  async recordMatch(m: AlertMatch): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.prefix}alert_matches (alert_name, event_key, article_id, matched_at, event_json) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [m.alert, m.eventKey, m.articleId, m.matchedAt, JSON.stringify(m.event)],
    );
    return rowCount === 1;
  }

  async hasMatch(alert: string, eventKeys: string[]): Promise<boolean> {
    if (eventKeys.length === 0) return false;
    const { rowCount } = await this.pool.query(`SELECT 1 FROM ${this.prefix}alert_matches WHERE alert_name = $1 AND event_key = ANY($2::text[]) LIMIT 1`, [alert, eventKeys]);
    return (rowCount ?? 0) > 0;
  }

  async listMatches(options: { alert?: string; limit?: number } = {}): Promise<AlertMatch[]> {
    const where = options.alert === undefined ? '' : 'WHERE alert_name = $2';
    const args: unknown[] = [clampLimit(options.limit), ...(options.alert === undefined ? [] : [options.alert])];
    const { rows } = await this.pool.query(`SELECT * FROM ${this.prefix}alert_matches ${where} ORDER BY matched_at DESC, id DESC LIMIT $1`, args);
    return rows.map(matchFromRow);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
