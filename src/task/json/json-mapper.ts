/** Maps RegisterTaskDefinition JSON to CfnTaskDefinition props, field by field, by the field table. */
import { fieldEntry, FieldTable, FieldType } from './field-table';
import { EcsKitError, KitErrorDetails } from '../../errors';
import { likelyMeant } from '../../rules/template/property-shapes';

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

/** A field the mapper cannot take: the first is reported in full, the rest in short. */
interface Problem {
  readonly details: KitErrorDetails;
  readonly short: string;
}

function wrongType(problems: Problem[], source: string, path: string, type: FieldType, value: unknown): undefined {
  problems.push({
    details: {
      code: CODE,
      problem: `${path} is ${kind(value)}`,
      path: source,
      allowed: describe(type),
      fix: `Write ${path} as ${describe(type)}, as RegisterTaskDefinition expects.`,
    },
    short: `${path} is ${kind(value)}, expected ${describe(type)}`,
  });
  return undefined;
}

/** Join a JSON path: a.b, a[0]. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Map one object by its field table. Unknown fields and wrong types are one KIT-TASK-JSON error that names
 * the first in full (JSON path, the known fields) and every other one after it, so one run shows them all.
 */
export function mapObject(value: unknown, table: FieldTable, path: string, source: string): Record<string, unknown> {
  const problems: Problem[] = [];
  const out = mapFields(value, table, path, source, problems);
  if (problems.length === 0) return out;
  const [first, ...rest] = problems;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more: ${rest.map((p) => p.short).join('; ')})`;
  throw new EcsKitError({ ...first.details, problem: `${first.details.problem}${more}` });
}

function mapFields(value: unknown, table: FieldTable, path: string, source: string, problems: Problem[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    wrongType(problems, source, path || '(document)', { object: table }, value);
    return out;
  }
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const here = childPath(path, key);
    const entry = table[key];
    if (entry === undefined) {
      const meant = likelyMeant(key, Object.keys(table));
      problems.push({
        details: {
          code: CODE,
          problem: `${here} is not a task definition field CloudFormation supports${meant ? ` (did you mean ${meant}?)` : ''}`,
          path: source,
          allowed: Object.keys(table).join(', '),
          fix: meant ? `Rename ${key} to ${meant} (field names are case-sensitive, camelCase as in RegisterTaskDefinition), or remove it.`
            : 'Remove the field or fix its spelling; field names are case-sensitive (camelCase, as in RegisterTaskDefinition).',
        },
        short: `${here} is not a task definition field${meant ? ` (did you mean ${meant}?)` : ''}`,
      });
      continue;
    }
    // null and [] are what the console and describe output write for "not set" (environment: [],
    // placementConstraints: []); kept, an empty list trips checks that the field is set at all.
    if (raw === null || (Array.isArray(raw) && raw.length === 0)) continue;
    const [l1Key, type] = fieldEntry(key, entry);
    const mapped = mapValue(raw, type, here, source, problems);
    if (mapped !== undefined) out[l1Key] = mapped;
  }
  return out;
}

function mapValue(value: unknown, type: FieldType, path: string, source: string, problems: Problem[]): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : wrongType(problems, source, path, type, value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : wrongType(problems, source, path, type, value);
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(problems, source, path, type, value);
    case 'strings':
    case 'integers': {
      if (!Array.isArray(value)) return wrongType(problems, source, path, type, value);
      const item = type === 'strings' ? 'string' : 'integer';
      return value.map((v, i) => mapValue(v, item, childPath(path, i), source, problems));
    }
    case 'map': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return wrongType(problems, source, path, type, value);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string') wrongType(problems, source, childPath(path, k), 'string', v);
      }
      return { ...(value as Record<string, string>) };
    }
    default:
      if ('object' in type) return mapFields(value, type.object, path, source, problems);
      if (!Array.isArray(value)) return wrongType(problems, source, path, type, value);
      return value.map((v, i) => mapFields(v, type.list, childPath(path, i), source, problems));
  }
}
