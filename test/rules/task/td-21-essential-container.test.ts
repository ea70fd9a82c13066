import { TD21_ESSENTIAL_CONTAINER as rule } from '../../../src/rules/task/td-21-essential-container';
import { check, fargateTask } from '../helpers';
import { taskWith } from './fixtures';

describe('ECS-TD-21 at least one essential container', () => {
  test('bad: every container non-essential', () => {
    const [f] = check(rule, { T: taskWith([{ Name: 'a', Image: 'x', Essential: false }, { Name: 'b', Image: 'x', Essential: 'false' }]) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-21', severity: 'error', property: 'Properties/ContainerDefinitions', value: '["a","b"]' });
    expect(f.message).toContain('all 2 container(s) set Essential false at TestStack/T; allowed: at least one essential container');
  });

  test('bad: no container definitions at all', () => {
    expect(check(rule, { T: fargateTask({ ContainerDefinitions: [] }) })[0].message).toContain('task definition has no ContainerDefinitions');
    expect(check(rule, { T: fargateTask({ ContainerDefinitions: undefined }) })).toHaveLength(1);
  });

  test('good: Essential omitted counts as essential', () => {
    expect(check(rule, { T: taskWith([{ Name: 'a', Image: 'x' }, { Name: 'b', Image: 'x', Essential: false }]) })).toHaveLength(0);
  });

  test('skipped: unresolved list or Essential value', () => {
    expect(check(rule, { T: fargateTask({ ContainerDefinitions: { 'Fn::If': ['C', [], []] } }) })).toHaveLength(0);
    expect(check(rule, { T: taskWith([{ Name: 'a', Image: 'x', Essential: { Ref: 'E' } }, { Name: 'b', Image: 'x', Essential: false }]) })).toHaveLength(0);
  });
});
