import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API returns has this shape, with a stable code and a readable message. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: string, message: string) {
    super(message);
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json<ApiErrorBody>({ error: { code, message } }, status);
}

/** Parse a positive integer query parameter within bounds, or fail with a 400. */
export function intParam(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ApiError(400, 'invalid-parameter', `"${name}" must be an integer between ${min} and ${max}, not "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ApiError(400, 'invalid-parameter', `"${name}" must be between ${min} and ${max}, not ${n}`);
  return n;
}
