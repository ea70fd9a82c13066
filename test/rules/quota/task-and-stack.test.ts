import * as fc from 'fast-check';
import { Res, taskDef } from './templates';
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { EcsQuota } from '../../../src/quotas/quota-table';
import { QT06_RESOURCES_PER_STACK as qt06 } from '../../../src/rules/quota/qt-06-resources-per-stack';
import { QT07_TEMPLATE_SIZE as qt07 } from '../../../src/rules/quota/qt-07-template-size';
import { QT08_RESOURCES_PER_STACK_NEAR_LIMIT as qt08 } from '../../../src/rules/quota/qt-08-resources-per-stack-near-limit';
import { TD19_CONTAINERS_PER_TASK_DEFINITION as td19 } from '../../../src/rules/quota/td-19-containers-per-task-definition';
import { TD20_TASK_DEFINITION_SIZE as td20 } from '../../../src/rules/quota/td-20-task-definition-size';
import { TD27_TAGS_PER_RESOURCE as td27 } from '../../../src/rules/quota/td-27-tags-per-resource';
import { renderedSize, sizeBound } from '../../../src/rules/quota/usage-resources';
import { FUZZ_SEED, odd, PROPERTY_KEYS } from '../fuzz/arbitraries';
import { assemblyOf, assemblyOfStacks, check, checkAssembly } from '../helpers';

const legacy = QuotaProfile.legacy();
const current = QuotaProfile.current();
const containers = (n: number, env: unknown[] = []) =>
  Array.from({ length: n }, (_, i) => ({ Name: `c${i}`, Image: 'nginx:1.27', Essential: i === 0, Environment: env }));

describe('ECS-TD-19 containers per task definition', () => {
  test('bad: 11 containers; good: 10; skipped: Fn::If list', () => {
    const [f] = check(td19, { T: taskDef('256', { ContainerDefinitions: containers(11) }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-19', property: 'Properties/ContainerDefinitions', value: '11' });
    expect(f.message).toContain('Task definition TestStack/T has 11 container definitions at TestStack/T; allowed: 10 containers');
    expect(check(td19, { T: taskDef('256', { ContainerDefinitions: containers(10) }) })).toEqual([]);
    expect(check(td19, { T: taskDef('256', { ContainerDefinitions: { 'Fn::If': ['c', containers(11), []] } }) })).toEqual([]);
  });

  // An Fn::If entry may be AWS::NoValue, which removes it from the list: only the entries that surely stay count.
  test('good: 9 containers and 2 Fn::If alternatives; bad: 11 that surely stay', () => {
    const [a, b] = containers(11).slice(9);
    const optional = [{ 'Fn::If': ['Prod', a, { Ref: 'AWS::NoValue' }] }, { 'Fn::If': ['Prod', { Ref: 'AWS::NoValue' }, b] }];
    expect(check(td19, { T: taskDef('256', { ContainerDefinitions: [...containers(9), ...optional] }) })).toEqual([]);
    expect(check(td19, { T: taskDef('256', { ContainerDefinitions: [...containers(11), ...optional] }) })[0].message).toContain('has 11 container definitions');
  });
});

describe('ECS-TD-20 task definition size', () => {
  // ~40 KB of environment: over legacy 32 KiB, under current 64 KiB.
  const env = Array.from({ length: 400 }, (_, i) => ({ Name: `VARIABLE_${i}`, Value: 'x'.repeat(80) }));

  test('bad under legacy (32 KiB), good under current (64 KiB)', () => {
    const res = { T: taskDef('256', { ContainerDefinitions: containers(1, env) }) };
    const [f] = check(td20, res, legacy);
    expect(f.message).toMatch(/renders to [\d,]+ bytes of RegisterTaskDefinition JSON/);
    expect(f.message).toContain('allowed: 32,768 bytes (Task definition size, legacy profile; today\'s AWS default is 65,536; not adjustable)');
    expect(check(td20, res, current)).toEqual([]);
  });

  test('unresolved values are left out: the figure is a lower bound and says so', () => {
    const model = assemblyOf({
      T: taskDef('256', { ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ContainerDefinitions: [{ Name: 'a', Image: { 'Fn::Join': ['', [{ Ref: 'AWS::AccountId' }, '.dkr.ecr.x/app:1']] } }] }),
    });
    const td = model.stacks[0].resource('T')!;
    const size = renderedSize(model, td);
    expect(size.partial).toBe(true);
    const expected = JSON.stringify({ RequiresCompatibilities: ['FARGATE'], NetworkMode: 'awsvpc', Cpu: '256', Memory: '512', ContainerDefinitions: [{ Name: 'a', Image: '.dkr.ecr.x/app:1' }] });
    expect(size.bytes).toBe(Buffer.byteLength(expected));
    const big = Array.from({ length: 800 }, (_, i) => ({ Name: `VARIABLE_${i}_${'X'.repeat(40)}`, Value: { Ref: 'Param' } }));
    expect(check(td20, { T: taskDef('256', { ContainerDefinitions: containers(1, big) }) }, legacy)[0].message).toContain('at least');
  });
});

describe('renderedSize', () => {
  test('property: for plain JSON (no intrinsics) it is exactly the minified UTF-8 size', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()), (props) => {
      const text = JSON.stringify(props);
      fc.pre(!text.includes('Token[') && !text.includes('TOKEN.') && !text.includes('"Ref"') && !text.includes('"Fn::') && !text.includes('"Condition"'));
      const model = assemblyOf({ T: { Type: 'AWS::ECS::TaskDefinition', Properties: props } });
      const size = renderedSize(model, model.stacks[0].resource('T')!);
      return size.bytes === Buffer.byteLength(text) && size.partial === false;
    }));
  });
});

describe('sizeBound', () => {
  const exports = { name: 'Exports', template: { Resources: {}, Outputs: { A: { Value: 'x'.repeat(5000), Export: { Name: 'ExportA' } } } } };
  const sizes = (props: Record<string, unknown>) => {
    const model = assemblyOfStacks([exports, { name: 'S', template: { Resources: { T: { Type: 'AWS::ECS::TaskDefinition', Properties: props } } } }]);
    return { exact: renderedSize(model, model.stacks[1].resource('T')!).bytes, bound: sizeBound(props) };
  };

  test('property: the rendered size never exceeds the bound, whatever the intrinsics (imports resolve to 5,000 characters)', () => {
    let bounded = 0;
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), odd, { maxKeys: 6 }), (props) => {
      const { exact, bound } = sizes(props);
      if (bound !== undefined) bounded++;
      return bound === undefined || exact <= bound;
    }), { seed: FUZZ_SEED, numRuns: 1000 });
    expect(bounded).toBeGreaterThan(500);
  });

  test('no bound past an import or a join separator longer than 3 bytes; plain JSON is its own size', () => {
    const join = (sep: string) => ({ Image: { 'Fn::Join': [sep, Array.from({ length: 20 }, () => 'a')] } });
    expect(sizes(join('-'.repeat(10))).exact).toBeGreaterThan(Buffer.byteLength(JSON.stringify(join('-'.repeat(10)))));
    expect(sizes(join('----')).bound).toBeUndefined();
    expect(sizes(join(':::')).bound).toBeDefined();
    expect(sizes(join('é')).bound).toBeDefined();
    expect(sizes(join('éé')).bound).toBeUndefined();
    expect(sizes({ Image: { 'Fn::ImportValue': 'ExportA' } })).toEqual({ exact: 5012, bound: undefined });
    expect(sizes({ Family: 'web', Cpu: '256' })).toEqual({ exact: 28, bound: 28 });
  });

  test('ECS-TD-20 works the size out where the bound reaches the limit, and reports only the worked-out size', () => {
    // Unresolved values: 800 references, each counted as nothing, bound far over 32 KiB.
    const big = Array.from({ length: 800 }, (_, i) => ({ Name: `V${i}`, ValueFrom: { Ref: `Param${'X'.repeat(40)}` } }));
    const res = { T: taskDef('256', { ContainerDefinitions: [{ Name: 'c', Image: 'nginx:1.27', Secrets: big }] }) };
    const model = assemblyOf(res);
    expect(sizeBound(model.stacks[0].resource('T')!.properties)).toBeGreaterThan(legacy.limit(EcsQuota.TASK_DEFINITION_SIZE_BYTES));
    expect(renderedSize(model, model.stacks[0].resource('T')!).bytes).toBeLessThan(legacy.limit(EcsQuota.TASK_DEFINITION_SIZE_BYTES));
    expect(check(td20, res, legacy)).toEqual([]);
  });
});

describe('ECS-TD-27 tags per resource', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  test('bad: 51 tags on a service; aws: tags and Fn::If entries do not count', () => {
    const [f] = check(td27, { S: { Type: 'AWS::ECS::Service', Properties: { Tags: tags(51) } } });
    expect(f.message).toContain('Service TestStack/S has 51 tags');
    expect(f.message).toContain('allowed: 50 tags');
    const mixed = [...tags(50), { Key: 'aws:cloudformation:stack-name', Value: 'x' }, { 'Fn::If': ['c', { Key: 'x', Value: 'y' }, { Ref: 'AWS::NoValue' }] }];
    expect(check(td27, { C: { Type: 'AWS::ECS::Cluster', Properties: { Tags: mixed } } })).toEqual([]);
    expect(check(td27, { C: { Type: 'AWS::ECS::Cluster', Properties: { Tags: { 'Fn::If': ['c', tags(60), []] } } } })).toEqual([]);
  });
});

describe('ECS-QT-06 / QT-08 resources per stack, ECS-QT-07 template size', () => {
  const many = (n: number): Record<string, Res> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`Topic${i}`, { Type: 'AWS::SNS::Topic' }]));

  test('501 resources: QT-06 error; 450..500: QT-08 warning only', () => {
    const queues = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`Queue${i}`, { Type: 'AWS::SQS::Queue' }]));
    const [f] = check(qt06, { ...many(400), ...queues });
    expect(f).toMatchObject({ ruleId: 'ECS-QT-06', severity: 'error', logicalId: 'Topic0' });
    expect(f.message).toContain('Stack TestStack has 501 resources; most from AWS::SNS::Topic 400, AWS::SQS::Queue 101 at TestStack/Topic0');
    expect(check(qt08, many(501))).toEqual([]);
    expect(check(qt06, many(500))).toEqual([]);
    const [w] = check(qt08, many(450));
    expect(w).toMatchObject({ ruleId: 'ECS-QT-08', severity: 'warning' });
    expect(w.message).toContain('has 450 resources (90% of the limit)');
    expect(check(qt08, many(449))).toEqual([]);
  });

  test('template size: file size from disk when known, else the JSON; legacy 460,800 bytes', () => {
    const stack = (templateSize?: number) => assemblyOfStacks([{ name: 'Big', template: { Resources: many(1) }, file: 'cdk.out/Big.template.json', templateSize }]);
    const [f] = checkAssembly(qt07, stack(500_000), legacy);
    expect(f.message).toContain('Stack Big has a 500,000-byte template (cdk.out/Big.template.json)');
    expect(f.message).toContain('allowed: 460,800 bytes');
    expect(checkAssembly(qt07, stack(500_000), current)).toEqual([]);
    expect(checkAssembly(qt07, stack(), legacy)).toEqual([]);
  });
});
