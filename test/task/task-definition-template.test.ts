import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { readTemplateFile } from '../../src/cli/inputs';
import { EcsKitErrors } from '../../src/errors';
import { TaskDefinitionJson } from '../../src/task';
import { CONTAINER_FIELDS, fieldEntry, FieldTable, FieldType, TASK_FIELDS } from '../../src/task/json/field-table';
import { mapObject } from '../../src/task/json/json-mapper';
import {
  isTaskDefinitionJson, TASK_DEFINITION_ID, taskDefinitionJsonPointer, taskDefinitionTemplate, unwrapTaskDefinitionJson,
} from '../../src/task/json/task-definition-template';

const FIXTURE = path.join(__dirname, 'fixtures', 'web-with-sidecar.json');
const fixtureJson = () => JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

/**
 * What aws-cdk-lib renders for the same JSON: the oracle for the CLI's conversion. The L1 the construct
 * builds, without the construct's checks (the samples are not valid task definitions).
 */
function cdkProperties(json: unknown): unknown {
  const stack = new Stack(new App(), 'S');
  new ecs.CfnTaskDefinition(stack, 'T', mapObject(unwrapTaskDefinitionJson(json).document, TASK_FIELDS, '', 'x') as ecs.CfnTaskDefinitionProps);
  return Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition'))[0].Properties;
}

const kitProperties = (json: unknown) => taskDefinitionTemplate(json, 'x.json').Resources?.[TASK_DEFINITION_ID].Properties;

/** A value of each field type; the fields of each table that `pick` keeps (depth 0: the task's own fields). */
type Pick = (key: string, depth: number) => boolean;

function sample(type: FieldType, pick: Pick, depth: number): unknown {
  if (type === 'string') return 'x';
  if (type === 'integer') return 2;
  if (type === 'boolean') return true;
  if (type === 'strings') return ['a'];
  if (type === 'integers') return [1];
  if (type === 'map') return { 'someKey': 'v', 'com.example/label': 'w' };
  return 'object' in type ? objectOf(type.object, pick, depth + 1) : [objectOf(type.list, pick, depth + 1)];
}

function objectOf(table: FieldTable, pick: Pick, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(table)) {
    if (pick(key, depth)) out[key] = sample(fieldEntry(key, entry)[1], pick, depth);
  }
  return out;
}

describe('task definition JSON as a template (the CLI path, without aws-cdk-lib)', () => {
  test('every field of the table gets the CloudFormation name aws-cdk-lib renders (EFSVolumeConfiguration, IAM, ...)', () => {
    const json = objectOf(TASK_FIELDS, () => true);
    expect(kitProperties(json)).toEqual(cdkProperties(json));
  });

  test('property: random subsets of the task and container fields convert as aws-cdk-lib renders them', () => {
    // Nested objects stay whole: aws-cdk-lib's L1 rejects them without their required fields.
    const taskKeys = Object.keys(TASK_FIELDS);
    const containerKeys = Object.keys(CONTAINER_FIELDS).filter((k) => k !== 'name' && k !== 'image');
    const n = taskKeys.length + containerKeys.length;
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: n, maxLength: n }), (bits) => {
      const keep = (keys: string[], offset: number, key: string) => !keys.includes(key) || bits[offset + keys.indexOf(key)];
      const json = objectOf(TASK_FIELDS, (key, depth) => (depth === 0 ? keep(taskKeys, 0, key)
        : depth === 1 && key in CONTAINER_FIELDS ? keep(containerKeys, taskKeys.length, key) : true));
      expect(kitProperties(json)).toEqual(cdkProperties(json));
    }), { numRuns: 25 });
  });

  test('the round-trip fixture and describe-task-definition output convert like the construct', () => {
    // The construct itself, checks included, on a valid file.
    const stack = new Stack(new App(), 'S');
    TaskDefinitionJson.fromFile(stack, 'T', FIXTURE);
    expect(Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition'))[0].Properties).toEqual(cdkProperties(fixtureJson()));
    const file = readTemplateFile(FIXTURE);
    expect(file.Resources?.[TASK_DEFINITION_ID].Properties).toEqual(cdkProperties(fixtureJson()));
    const described = { taskDefinition: { ...fixtureJson(), revision: 3, status: 'ACTIVE' }, tags: [{ key: 'team', value: 'web' }] };
    expect(kitProperties(described)).toEqual(cdkProperties(described));
  });

  test('every property of the template maps back to the JSON field it came from (findings name the file\'s fields)', () => {
    const json = objectOf(TASK_FIELDS, () => true);
    const leaves = (value: unknown, at: string[]): string[][] => (value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k])) : [at]);
    const at = (doc: unknown, pointer: string) => pointer.split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
    const paths = leaves(kitProperties(json), ['Properties']);
    expect(paths.length).toBeGreaterThan(100);
    for (const p of paths) {
      const pointer = taskDefinitionJsonPointer(p.join('/'));
      expect([pointer, at(json, pointer)]).toEqual([pointer, at({ Properties: kitProperties(json) }, p.join('/'))]);
    }
    expect(taskDefinitionJsonPointer('Properties/Volumes/0/EFSVolumeConfiguration/AuthorizationConfig/IAM'))
      .toBe('volumes/0/efsVolumeConfiguration/authorizationConfig/iam');
    // Map keys are the user's own; an unknown name is kept as it is.
    expect(taskDefinitionJsonPointer('Properties/ContainerDefinitions/1/LogConfiguration/Options/Awslogs-Group'))
      .toBe('containerDefinitions/1/logConfiguration/options/Awslogs-Group');
    expect(taskDefinitionJsonPointer('Properties/Unknown/X')).toBe('Unknown/X');
    expect(taskDefinitionJsonPointer('')).toBe('');
  });

  test('recognized: register input and describe output; not a template, not other JSON', () => {
    expect(isTaskDefinitionJson({ containerDefinitions: [] })).toBe(true);
    expect(isTaskDefinitionJson({ taskDefinition: { containerDefinitions: [] } })).toBe(true);
    expect(isTaskDefinitionJson({ Resources: {}, containerDefinitions: [] })).toBe(false);
    expect(isTaskDefinitionJson({ family: 'x' })).toBe(false);
    // A misspelt or wrong-case containerDefinitions still reads as task JSON, so the mapper names the key.
    expect(isTaskDefinitionJson({ ContainerDefinitions: [] })).toBe(true);
    expect(() => taskDefinitionTemplate({ containerDefinition: [] }, 'td.json')).toThrow(/containerDefinition is not a task definition field/);
    expect(isTaskDefinitionJson([])).toBe(false);
  });

  test('an unknown field or a wrong type is KIT-TASK-JSON naming the JSON path', () => {
    expect(() => taskDefinitionTemplate({ containerDefinitions: [{ name: 'a', image: 'b', Command: ['x'] }] }, 'td.json'))
      .toThrow(/\[KIT-TASK-JSON\] containerDefinitions\[0\]\.Command is not a task definition field CloudFormation supports/);
    expect(() => taskDefinitionTemplate({ containerDefinitions: [{ name: 'a', image: 'b', portMappings: [{ containerPort: '80' }] }] }, 'td.json'))
      .toThrow(/containerDefinitions\[0\]\.portMappings\[0\]\.containerPort is string "80"/);
  });

  test('an unknown field a case or a typo away from a known one names it (found by a CLI user trial)', () => {
    expect(() => taskDefinitionTemplate({ containerDefinitions: [{ name: 'a', image: 'b', readOnlyRootFilesystem: true }] }, 'td.json'))
      .toThrow(/readOnlyRootFilesystem is not a task definition field CloudFormation supports \(did you mean readonlyRootFilesystem\?\) at td\.json; allowed: .*Rename readOnlyRootFilesystem to readonlyRootFilesystem/);
    expect(() => taskDefinitionTemplate({ containerDefinitions: [{ name: 'a', image: 'b', zzzUnrelated: 1 }] }, 'td.json'))
      .toThrow(/zzzUnrelated is not a task definition field CloudFormation supports at td\.json/);
  });

  test('every unknown field and wrong type of a file in one error: the first in full, the others after it', () => {
    const json = { cpu: 256, containerDefinitions: [{ name: 'a', image: 'b', Command: ['x'], portMappings: [{ containerPort: '80' }], environment: [{ name: 'A', value: 1 }] }] };
    let error: Error | undefined;
    try {
      taskDefinitionTemplate(json, 'td.json');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toBe('[KIT-TASK-JSON] cpu is number 256 (and 3 more: containerDefinitions[0].Command is not a task definition field (did you mean command?); '
      + 'containerDefinitions[0].portMappings[0].containerPort is string "80", expected a whole number; '
      + 'containerDefinitions[0].environment[0].value is number 1, expected a string) at td.json; allowed: a string. '
      + 'Write cpu as a string, as RegisterTaskDefinition expects.');
    expect(EcsKitErrors.codeOf(error)).toBe('KIT-TASK-JSON');
  });
});
