import * as fc from 'fast-check';
import { CT08_HEALTH_CHECK_START_PERIOD as rule } from '../../../src/rules/container/ct-08-health-check-start-period';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const hc = (StartPeriod: unknown) => taskWith([{ Name: 'app', Image: 'x', HealthCheck: { Command: ['CMD', 'true'], StartPeriod } }]);

describe('ECS-CT-08 health check start period 0-300 s', () => {
  test('bad: 600 s', () => {
    const [f] = check(rule, { T: hc(600) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-08', severity: 'error', property: 'Properties/ContainerDefinitions/0/HealthCheck/StartPeriod', value: '600' });
    expect(f.message).toContain("container 'app' HealthCheck.StartPeriod 600 is out of range");
    expect(f.message).toContain('Set HealthCheck.StartPeriod of container \'app\' to 300 s');
  });

  test('good: 0 and 300', () => {
    expect(check(rule, { T: hc(0) })).toHaveLength(0);
    expect(check(rule, { T: hc('300') })).toHaveLength(0);
  });

  test('skipped: parameter reference', () => {
    expect(check(rule, { T: hc({ Ref: 'Start' }) })).toHaveLength(0);
  });

  test('property: passes exactly for 0..300', () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: 1000 }), (n) => check(rule, { T: hc(n) }).length === (n >= 0 && n <= 300 ? 0 : 1)));
  });
});
