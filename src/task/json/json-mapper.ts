/** Maps RegisterTaskDefinition JSON to CfnTaskDefinition props, field by field, by the field table. */
import { fieldEntry, FieldTable, FieldType } from './field-table';
import { EcsKitError } from '../../errors';

const CODE = 'KIT-TASK-JSON';

function describe(type: FieldType): string {
  if (typeof type === 'string') {
    return {
      string: 'a string',
      integer: 'a whole number',
      boolean: 'true or false',
      strings: 'an array of strings',
      integers: 'an array of whole numbers',
      map: 'an object of string values',
    }[type];
  }
  return 'object' in type ? 'an object' : 'an array of objects';
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function wrongType(source: string, path: string, type: FieldType, value: unknown): never {
  throw new EcsKitError({
    code: CODE,
    problem: `${path} is ${kind(value)}`,
    path: source,
    allowed: describe(type),
    fix: `Write ${path} as ${describe(type)}, as RegisterTaskDefinition expects.`,
  });
}

/** Join a JSON path: a.b, a[0]. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Map one object by its field table; unknown fields are errors naming the path and the known fields. */
export function mapObject(value: unknown, table: FieldTable, path: string, source: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) wrongType(source, path || '(document)', { object: table }, value);
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const here = childPath(path, key);
    const entry = table[key];
    if (entry === undefined) {
      throw new EcsKitError({
        code: CODE,
        problem: `${here} is not a task definition field CloudFormation supports`,
        path: source,
        allowed: Object.keys(table).join(', '),
        fix: 'Remove the field or fix its spelling; field names are case-sensitive (camelCase, as in RegisterTaskDefinition).',
      });
    }
    // null and [] are what the console and describe output write for "not set" (environment: [],
    // placementConstraints: []); kept, an empty list trips checks that the field is set at all.
    if (raw === null || (Array.isArray(raw) && raw.length === 0)) continue;
    const [l1Key, type] = fieldEntry(key, entry);
    out[l1Key] = mapValue(raw, type, here, source);
  }
  return out;
}

function mapValue(value: unknown, type: FieldType, path: string, source: string): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') wrongType(source, path, type, value);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(source, path, type, value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(source, path, type, value);
      return value;
    case 'strings':
    case 'integers': {
      if (!Array.isArray(value)) wrongType(source, path, type, value);
      const item = type === 'strings' ? 'string' : 'integer';
      return value.map((v, i) => mapValue(v, item, childPath(path, i), source));
    }
    case 'map': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) wrongType(source, path, type, value);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string') wrongType(source, childPath(path, k), 'string', v);
      }
      return { ...(value as Record<string, string>) };
    }
    default:
      if ('object' in type) return mapObject(value, type.object, path, source);
      if (!Array.isArray(value)) wrongType(source, path, type, value);
      return value.map((v, i) => mapObject(v, type.list, childPath(path, i), source));
  }
}
