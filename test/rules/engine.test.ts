import * as fc from 'fast-check';
import { fargateTask } from './helpers';
import { ALL_RULES } from '../../src/rules';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import { sortedSources, sumBySource, topSource } from '../../src/rules/quota/usage-types';
import { Rule } from '../../src/rules/rule';
import { intrinsicKey } from '../../src/rules/values';

const bad = {
  // Fargate sizes that are not allowed: findings to compare.
  Task: fargateTask({ Cpu: '256', Memory: '8192' }),
  Task2: fargateTask({ Cpu: '3', Memory: '512' }),
};
const model = () => new AssemblyModel([{ name: 'A', template: { Resources: bad } }, { name: 'B', template: { Resources: { Task: fargateTask({ Memory: '9999' }) } } }]);

describe('runRules plans a rule list once', () => {
  test('the same list with other options gives what a fresh copy of the list gives', () => {
    const first = runRules(model(), { rules: ALL_RULES });
    expect(first.length).toBeGreaterThan(0);
    const disabled = [first[0].ruleId];
    for (const options of [{}, { disabled }, { skipBuiltInOverlaps: true }, { disabled, skipBuiltInOverlaps: true }]) {
      expect(runRules(model(), { rules: ALL_RULES, ...options })).toEqual(runRules(model(), { rules: [...ALL_RULES], ...options }));
    }
    expect(runRules(model(), { rules: ALL_RULES, disabled }).some((f) => f.ruleId === disabled[0])).toBe(false);
  });

  test('a list that grew after its first run is planned again', () => {
    const rules: Rule[] = [];
    expect(runRules(model(), { rules })).toEqual([]);
    rules.push(...ALL_RULES);
    expect(runRules(model(), { rules })).toEqual(runRules(model(), { rules: [...ALL_RULES] }));
  });
});

describe('AssemblyModel', () => {
  test('ofType lists every stack\'s resources of the type, in stack order, and keeps the list', () => {
    const m = model();
    const tasks = m.ofType('AWS::ECS::TaskDefinition');
    expect(tasks.map((r) => `${r.stack.name}/${r.logicalId}`)).toEqual(['A/Task', 'A/Task2', 'B/Task']);
    expect(m.ofType('AWS::ECS::TaskDefinition')).toBe(tasks);
    expect(m.ofType('AWS::ECS::Service')).toEqual([]);
  });

  test('resolveResource is resolveReference\'s resource', () => {
    const m = new AssemblyModel([
      { name: 'A', template: { Resources: { R: { Type: 'X' } }, Outputs: { O: { Value: { Ref: 'R' }, Export: { Name: 'e' } } } } },
      { name: 'B', template: { Resources: { S: { Type: 'Y' } } } },
    ]);
    const [a, b] = m.stacks;
    const values: unknown[] = [
      { Ref: 'R' }, { Ref: 'S' }, { Ref: 'Nope' }, { 'Fn::GetAtt': ['R', 'Arn'] }, { 'Fn::GetAtt': 'R.Arn.Sub' }, { 'Fn::GetAtt': 'R' },
      { 'Fn::GetAtt': 'R.' }, { 'Fn::ImportValue': 'e' }, { 'Fn::ImportValue': 'x' }, { Ref: 'R', Other: 1 }, 'R', 1, null, undefined, [{ Ref: 'R' }],
      { 'Fn::ImportValue': { 'Fn::Join': ['', ['e']] } }, { Ref: 7 },
    ];
    for (const v of values) {
      for (const s of [a, b]) expect(m.resolveResource(v, s)).toBe(m.resolveReference(v, s)?.resource);
    }
  });
});

describe('quota sources', () => {
  test('topSource is the first label bySource lists', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'B', 'b', 'Svc/A', 'svc/a', 'é', 'e', 'x-y', 'x_y'), fc.integer({ min: 0, max: 3 }))), (items) => {
      const sums = sumBySource(items, ([l]) => l, ([, n]) => n);
      expect(topSource(sums)).toBe(sortedSources(sums)[0]?.label);
    }));
  });
});

describe('intrinsicKey', () => {
  test('is the key of a one-key Ref / Condition / Fn:: object, as Object.keys says, whatever the object', () => {
    const keys = fc.oneof(fc.constantFrom('Ref', 'Condition', 'Fn::If', 'Fn::GetAtt', 'Fn::', 'Name', 'ref', 'Fn:', '__proto__', 'constructor'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.dictionary(keys, fc.jsonValue(), { maxKeys: 3 }), fc.boolean(), (obj, inherited) => {
      // An inherited enumerable key never counts.
      const value = inherited ? Object.assign(Object.create({ Ref: 'Inherited' }), obj) : obj;
      const own = Object.keys(value);
      const expected = own.length === 1 && (own[0] === 'Ref' || own[0] === 'Condition' || own[0].startsWith('Fn::')) ? own[0] : undefined;
      expect(intrinsicKey(value)).toBe(expected);
    }));
  });
});

// CloudFormation puts a dynamic reference's value in at deploy time ("Using dynamic references to specify
// template values", AWS CloudFormation User Guide): every rule skips it like any other unresolved value.
describe('dynamic references', () => {
  const template = (value: (literal: string) => unknown) => ({
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: value('bad name!') } },
      Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: value('Bad_Repo') } },
      Task: fargateTask({ Family: value('bad family!'), Cpu: value('256'), Memory: value('4096') }),
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: { Ref: 'Cluster' },
          TaskDefinition: { Ref: 'Task' },
          LaunchType: 'FARGATE',
          ServiceName: value('bad name!'),
          PlatformVersion: value('1.0.0'),
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [{ Ref: 'SubnetParam' }] } },
        },
      },
    },
  });
  const findings = (value: (literal: string) => unknown) => runRules(new AssemblyModel([{ name: 'S', template: template(value) }]), { rules: ALL_RULES })
    .filter((f) => f.severity === 'error').map((f) => f.ruleId);

  test('the literal values are errors; the same properties as {{resolve:ssm:...}} are skipped', () => {
    expect(findings((literal) => literal)).toEqual(expect.arrayContaining(['ECS-TD-01', 'ECS-TD-22', 'ECS-ER-01']));
    expect(findings((literal) => `{{resolve:ssm:/app/${literal.length}}}`)).toEqual([]);
  });
});
