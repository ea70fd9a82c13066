import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { TD11_PLACEMENT_CONSTRAINTS_COUNT as rule } from '../../../src/rules/task/td-11-placement-constraints-count';
import { check } from '../helpers';
import { ec2TaskWith, serviceOf } from './fixtures';

const constraints = (n: number) => Array.from({ length: n }, (_, i) => ({ Type: 'memberOf', Expression: `attribute:rack == r${i}` }));
const task = (n: number) => ec2TaskWith([{ Name: 'app', Image: 'x', Memory: 128 }], { PlacementConstraints: constraints(n) });

describe('ECS-TD-11 placement constraints per task', () => {
  test('bad: 6 in the task definition + 5 in the service', () => {
    const [f, ...rest] = check(rule, { T: task(6), S: serviceOf('T', { PlacementConstraints: constraints(5) }) });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-TD-11', severity: 'error', logicalId: 'S', property: 'Properties/PlacementConstraints' });
    expect(f.message).toContain('service has 5 PlacementConstraints and task definition T has 6: 11 in all');
    expect(f.message).toContain('allowed: at most 10 per task');
  });

  test('bad: 11 in the task definition alone is reported once, on the task definition', () => {
    const findings = check(rule, { T: task(11), S: serviceOf('T', { PlacementConstraints: constraints(1) }) });
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([['T', 'Properties/PlacementConstraints']]);
  });

  test('good: 10 in all; the limit comes from the quota profile', () => {
    expect(check(rule, { T: task(5), S: serviceOf('T', { PlacementConstraints: constraints(5) }) })).toHaveLength(0);
    const lower = QuotaProfile.current().withOverrides({ placementConstraintsPerTask: 8 });
    expect(check(rule, { T: task(5), S: serviceOf('T', { PlacementConstraints: constraints(5) }) }, lower)).toHaveLength(1);
  });

  test('skipped: unresolved lists or entries', () => {
    expect(check(rule, { T: task(6), S: serviceOf('T', { PlacementConstraints: { 'Fn::If': ['C', constraints(5), []] } }) })).toHaveLength(0);
    const withIf = [...constraints(10), { 'Fn::If': ['C', { Type: 'memberOf', Expression: 'x' }, { Ref: 'AWS::NoValue' }] }];
    expect(check(rule, { T: ec2TaskWith([], { PlacementConstraints: withIf }) })).toHaveLength(0);
  });
});
