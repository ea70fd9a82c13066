import { CT11_COMPLETE_ON_ESSENTIAL as rule } from '../../../src/rules/container/ct-11-complete-on-essential';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const task = (initEssential: unknown, Condition: unknown = 'COMPLETE') => taskWith([
  { Name: 'init', Image: 'x', Essential: initEssential },
  { Name: 'app', Image: 'x', DependsOn: [{ ContainerName: 'init', Condition }] },
]);

describe('ECS-CT-11 COMPLETE/SUCCESS on an essential container', () => {
  test('bad: COMPLETE on a container with Essential omitted', () => {
    const [f] = check(rule, { T: task(undefined) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-11', severity: 'error', property: 'Properties/ContainerDefinitions/1/DependsOn/0/Condition', value: '"COMPLETE"' });
    expect(f.message).toContain("container 'app' waits for COMPLETE of essential container 'init'");
    expect(check(rule, { T: task(true, 'SUCCESS') })).toHaveLength(1);
  });

  test('good: non-essential init container; START on essential', () => {
    expect(check(rule, { T: task(false) })).toHaveLength(0);
    expect(check(rule, { T: task(true, 'START') })).toHaveLength(0);
  });

  test('skipped: unresolved Essential or Condition', () => {
    expect(check(rule, { T: task({ Ref: 'E' }) })).toHaveLength(0);
    expect(check(rule, { T: task(true, { Ref: 'Cond' }) })).toHaveLength(0);
  });
});
