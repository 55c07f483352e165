/**
 * A validator for the small subset of JSON Schema our data files use (type, properties,
 * required, additionalProperties, items, enum, pattern, minimum, maximum, minLength,
 * minItems, $ref to #/$defs). The schema file stays the one description of the format.
 */
export type JsonSchema = {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [k: string]: unknown;
};

export interface SchemaError {
  path: string;
  message: string;
}

export function validateJson(schema: JsonSchema, value: unknown, root: JsonSchema = schema, path = '$', errors: SchemaError[] = []): SchemaError[] {
  if (errors.length >= 50) return errors; // enough to fix a file; stop walking
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) errors.push({ path, message: `unknown $ref ${schema.$ref}` });
    else validateJson(target, value, root, path, errors);
    return errors;
  }
  const t = schema.type;
  if (t && !hasType(t, value)) {
    errors.push({ path, message: `expected ${t}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}` });
    return errors;
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push({ path, message: `must be one of ${schema.enum.join(', ')}` });
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push({ path, message: `shorter than ${schema.minLength}` });
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push({ path, message: `does not match ${schema.pattern}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push({ path, message: `below ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) errors.push({ path, message: `above ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push({ path, message: `fewer than ${schema.minItems} items` });
    if (schema.items) value.forEach((v, i) => validateJson(schema.items!, v, root, `${path}[${i}]`, errors));
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in o)) errors.push({ path, message: `missing "${r}"` });
    for (const [k, v] of Object.entries(o)) {
      const sub = schema.properties?.[k];
      if (sub) validateJson(sub, v, root, `${path}.${k}`, errors);
      else if (schema.additionalProperties === false && k !== '$schema') errors.push({ path, message: `unexpected "${k}"` });
    }
  }
  return errors;
}

function hasType(t: NonNullable<JsonSchema['type']>, v: unknown): boolean {
  switch (t) {
    case 'object': return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    default: return typeof v === t;
  }
}
