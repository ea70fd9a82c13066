/**
 * RegisterTaskDefinition JSON as a one-resource CloudFormation template, without aws-cdk-lib: the
 * CLI checks task definition files with the same rules it runs on templates.
 */
import { fieldEntry, FieldTable, FieldType, READ_ONLY_FIELDS, TASK_FIELDS } from './field-table';
import { mapObject } from './json-mapper';
import { CfnTemplate } from '../../rules/model';

/** Logical id of the task definition in the template made from a JSON file. */
export const TASK_DEFINITION_ID = 'TaskDefinition';

/**
 * CloudFormation names that are not the L1 name with a capital first letter (test/task/json-template.test.ts
 * compares the whole table with aws-cdk-lib's own rendering).
 */
const CFN_NAMES: Readonly<Record<string, string>> = {
  efsVolumeConfiguration: 'EFSVolumeConfiguration',
  iam: 'IAM',
};

/** Whether parsed JSON is task definition JSON: register input, or describe-task-definition output. */
export function isTaskDefinitionJson(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const doc = json as Record<string, unknown>;
  if ('Resources' in doc) return false;
  const inner = doc.taskDefinition;
  // Any spelling of containerDefinitions: the mapper then names a wrong-case or misspelt key.
  const hasContainers = (o: object) => Object.keys(o).some((k) => /^containerdefinitions?$/i.test(k));
  return hasContainers(doc) || (!!inner && typeof inner === 'object' && hasContainers(inner));
}

/** Accept describe-task-definition output ({ taskDefinition, tags }) as well as register input; drop its read-only fields. */
export function unwrapTaskDefinitionJson(json: unknown): { document: unknown; skipped: string[] } {
  let doc = json;
  if (json && typeof json === 'object' && !Array.isArray(json) && 'taskDefinition' in json) {
    const outer = json as Record<string, unknown>;
    const extra = Object.keys(outer).filter((k) => k !== 'taskDefinition' && k !== 'tags');
    if (extra.length > 0) doc = json; // let the mapper name the unknown fields
    else doc = outer.tags ? { ...(outer.taskDefinition as object), tags: outer.tags } : outer.taskDefinition;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { document: doc, skipped: [] };
  const skipped = Object.keys(doc).filter((k) => READ_ONLY_FIELDS.includes(k));
  const rest = Object.fromEntries(Object.entries(doc).filter(([k]) => !READ_ONLY_FIELDS.includes(k)));
  return { document: rest, skipped };
}

/**
 * The template: one AWS::ECS::TaskDefinition with the JSON's fields under their CloudFormation names.
 * Throws KIT-TASK-JSON (an EcsKitError naming the JSON path) on an unknown field or a wrong type.
 */
export function taskDefinitionTemplate(json: unknown, source: string): CfnTemplate {
  const props = mapObject(unwrapTaskDefinitionJson(json).document, TASK_FIELDS, '', source);
  return { Resources: { [TASK_DEFINITION_ID]: { Type: 'AWS::ECS::TaskDefinition', Properties: cfnObject(props, TASK_FIELDS) } } };
}

/** L1 props (camelCase, as mapObject returns them) to CloudFormation properties, by the field table. */
function cfnObject(props: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [jsonKey, entry] of Object.entries(table)) {
    const [l1Key, type] = fieldEntry(jsonKey, entry);
    const value = props[l1Key];
    if (value === undefined) continue;
    out[cfnName(l1Key)] = cfnValue(value, type);
  }
  return out;
}

function cfnName(l1Key: string): string {
  return CFN_NAMES[l1Key] ?? l1Key.charAt(0).toUpperCase() + l1Key.slice(1);
}

/**
 * A finding's property (`Properties/ContainerDefinitions/0/HostPort`) in the task definition JSON's own
 * field names (`containerDefinitions/0/hostPort`), so a CLI user finds it in the file; keys of maps
 * (log options, labels) stay as they are.
 */
export function taskDefinitionJsonPointer(property: string): string {
  const segments = property.split('/');
  if (segments[0] === 'Properties') segments.shift();
  const out: string[] = [];
  let table: FieldTable | undefined = TASK_FIELDS;
  let inList = false;
  for (const segment of segments) {
    if (inList && /^\d+$/.test(segment)) {
      out.push(segment);
      inList = false;
      continue;
    }
    const match: [string, FieldType] | undefined = table ? jsonFieldOf(table, segment) : undefined;
    out.push(match ? match[0] : segment);
    table = match ? innerTable(match[1]) : undefined;
    inList = !!match && typeof match[1] !== 'string' && 'list' in match[1];
  }
  return out.join('/');
}

let proseNames: { pattern: RegExp; json: ReadonlyMap<string, string> } | undefined;

/**
 * A finding's text with the CloudFormation names of task definition fields in the JSON's spelling
 * (`HostPort` becomes `hostPort`), so the text matches the file. Only names of two or more words are
 * changed (one-word names such as `Memory` read as plain words), and never inside single quotes.
 */
export function taskDefinitionJsonProse(text: string): string {
  proseNames ??= jsonNamesOfCfnNames();
  // A quoted value ('web', a container named like a field) is the user's own and stays as it is.
  return text.replace(proseNames.pattern, (match) => proseNames!.json.get(match) ?? match);
}

function jsonNamesOfCfnNames(): { pattern: RegExp; json: ReadonlyMap<string, string> } {
  const json = new Map<string, string>();
  const ambiguous = new Set<string>();
  const visit = (table: FieldTable) => {
    for (const [jsonKey, entry] of Object.entries(table)) {
      const [l1Key, type] = fieldEntry(jsonKey, entry);
      const cfn = cfnName(l1Key);
      if (cfn !== jsonKey && /^[A-Z]+[a-z0-9]+[A-Z]/.test(cfn)) {
        if (json.has(cfn) && json.get(cfn) !== jsonKey) ambiguous.add(cfn);
        json.set(cfn, jsonKey);
      }
      const inner = innerTable(type);
      if (inner) visit(inner);
    }
  };
  visit(TASK_FIELDS);
  ambiguous.forEach((name) => json.delete(name));
  return { pattern: new RegExp(`'[^'\\n]*'|\\b(?:${[...json.keys()].join('|')})\\b`, 'g'), json };
}

function innerTable(type: FieldType): FieldTable | undefined {
  if (typeof type === 'string') return undefined;
  return 'object' in type ? type.object : type.list;
}

/** The JSON key and type of the table field with this CloudFormation name. */
function jsonFieldOf(table: FieldTable, cfnKey: string): [string, FieldType] | undefined {
  for (const [jsonKey, entry] of Object.entries(table)) {
    const [l1Key, type] = fieldEntry(jsonKey, entry);
    if (cfnName(l1Key) === cfnKey) return [jsonKey, type];
  }
  return undefined;
}

function cfnValue(value: unknown, type: FieldType): unknown {
  // Scalars, lists of scalars and maps (labels, log options) are the user's own keys and values.
  if (typeof type === 'string') return value;
  if ('object' in type) return cfnObject(value as Record<string, unknown>, type.object);
  return (value as Record<string, unknown>[]).map((item) => cfnObject(item, type.list));
}
