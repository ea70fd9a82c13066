import { TD10_FARGATE_PLACEMENT_CONSTRAINTS as rule } from '../../../src/rules/task/td-10-fargate-placement-constraints';
import { check, fargateTask } from '../helpers';
import { ec2TaskWith, TOKEN } from './fixtures';

const constraint = { Type: 'memberOf', Expression: 'attribute:ecs.instance-type =~ t3.*' };

describe('ECS-TD-10 no placement constraints on Fargate task definitions', () => {
  test('bad: one constraint', () => {
    const [f] = check(rule, { T: fargateTask({ PlacementConstraints: [constraint] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-10', severity: 'error', property: 'Properties/PlacementConstraints' });
    expect(f.message).toContain('Fargate task definition has 1 PlacementConstraints');
  });

  test('good: none, empty list, or an EC2 task definition', () => {
    expect(check(rule, { T: fargateTask() })).toEqual([]);
    expect(check(rule, { T: fargateTask({ PlacementConstraints: [] }) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([{ Name: 'a', Image: 'x', Memory: 64 }], { PlacementConstraints: [constraint] }) })).toEqual([]);
  });

  test('skipped: unresolved list or compatibilities', () => {
    expect(check(rule, { T: fargateTask({ PlacementConstraints: { 'Fn::If': ['C', [constraint], []] } }) })).toEqual([]);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: TOKEN, PlacementConstraints: [constraint] }) })).toEqual([]);
  });
});
