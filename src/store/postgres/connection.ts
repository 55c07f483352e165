import { StoreError } from '../store.js';

/** The location as it may be shown to people: no password, neither in the user info nor as a parameter. */
export function redactLocation(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '';
    if (url.searchParams.has('password')) url.searchParams.delete('password');
    return url.toString().replace(/:@/, '@');
  } catch {
    return location.replace(/\/\/[^@/]*@/, '//…@');
  }
}

/** A schema name we are willing to splice into SQL (it is also quoted). */
export function checkSchemaName(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new StoreError(`invalid PostgreSQL schema name "${schema}" (letters, digits and _ only)`);
  return schema;
}

/**
 * Split our own `schema` parameter off a postgres:// URL; the rest goes to `pg` unchanged.
 * `postgres://host/db?schema=sitrep` keeps sitrep's tables in schema "sitrep".
 */
export function splitSchemaParam(location: string): { connectionString: string; schema?: string } {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new StoreError(`invalid PostgreSQL URL ${redactLocation(location)}`);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema === undefined) return { connectionString: location };
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema: checkSchemaName(schema) };
}

/** One line saying what went wrong connecting, naming the location without its password. */
export function describeConnectError(location: string, err: unknown): StoreError {
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const where = `PostgreSQL at ${redactLocation(location)}`;
  const code = e.code ?? e.errors?.[0]?.code;
  let what: string;
  switch (code) {
    case 'ECONNREFUSED':
      what = 'unreachable (connection refused; is the server running?)';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      what = 'unreachable (host name not found)';
      break;
    case 'ETIMEDOUT':
      what = 'unreachable (connection timed out)';
      break;
    case '28P01':
    case '28000':
      what = `authentication failed (${firstLine(e.message)})`;
      break;
    case '3D000':
      what = `database does not exist (${firstLine(e.message)})`;
      break;
    default:
      what = /timeout/i.test(e.message ?? '') ? 'unreachable (connection timed out)' : firstLine(e.message) || String(err);
  }
  return new StoreError(`cannot open ${where}: ${what}`);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.trim();
}
