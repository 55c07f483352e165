import type { Span } from './span.js';

/** Expected trouble is reported, not thrown: a stable code, the stage, a place and a severity. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** stable, kebab-case rule id, e.g. "quote-speaker-unresolved" */
  code: string;
  stage: string;
  severity: Severity;
  message: string;
  /** where in the clean text (unless `version` says raw) */
  span?: Span;
  version?: 'raw' | 'clean';
}

export function diagnostic(stage: string, code: string, severity: Severity, message: string, span?: Span): Diagnostic {
  return span ? { code, stage, severity, message, span } : { code, stage, severity, message };
}
