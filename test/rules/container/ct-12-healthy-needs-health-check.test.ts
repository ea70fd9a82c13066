import { CT12_HEALTHY_NEEDS_HEALTH_CHECK as rule } from '../../../src/rules/container/ct-12-healthy-needs-health-check';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const task = (HealthCheck: unknown, Condition = 'HEALTHY') => taskWith([
  { Name: 'db', Image: 'x', HealthCheck },
  { Name: 'app', Image: 'x', DependsOn: [{ ContainerName: 'db', Condition }] },
]);

describe('ECS-CT-12 HEALTHY needs a health check', () => {
  test('bad: HEALTHY on a container without HealthCheck', () => {
    const [f] = check(rule, { T: task(undefined) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-12', severity: 'error', property: 'Properties/ContainerDefinitions/1/DependsOn/0/Condition', value: '"HEALTHY"' });
    expect(f.message).toContain("container 'app' waits for container 'db' to be HEALTHY, but 'db' has no HealthCheck");
  });

  test('good: target has a health check; START needs none', () => {
    expect(check(rule, { T: task({ Command: ['CMD', 'true'] }) })).toHaveLength(0);
    expect(check(rule, { T: task(undefined, 'START') })).toHaveLength(0);
  });

  test('skipped: an unresolved target container', () => {
    expect(check(rule, { T: taskWith([{ 'Fn::If': ['C', { Name: 'db', Image: 'x' }, { Ref: 'AWS::NoValue' }] }, { Name: 'app', Image: 'x', DependsOn: [{ ContainerName: 'db', Condition: 'HEALTHY' }] }]) })).toHaveLength(0);
  });
});
