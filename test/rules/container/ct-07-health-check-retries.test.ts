import * as fc from 'fast-check';
import { CT07_HEALTH_CHECK_RETRIES as rule } from '../../../src/rules/container/ct-07-health-check-retries';
import { check } from '../helpers';
import { taskWith, TOKEN } from '../task/fixtures';

const hc = (Retries: unknown) => taskWith([{ Name: 'app', Image: 'x', HealthCheck: { Command: ['CMD', 'true'], Retries } }]);

describe('ECS-CT-07 health check retries 1-10', () => {
  test('bad: 0 retries', () => {
    const [f] = check(rule, { T: hc(0) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-07', severity: 'error', property: 'Properties/ContainerDefinitions/0/HealthCheck/Retries', value: '0' });
    expect(f.message).toContain("container 'app' HealthCheck.Retries 0 is out of range");
    expect(f.message).toContain('allowed: whole numbers from 1 to 10');
  });

  test('good: default (omitted) and 10', () => {
    expect(check(rule, { T: hc(undefined) })).toHaveLength(0);
    expect(check(rule, { T: hc(10) })).toHaveLength(0);
  });

  test('skipped: token', () => {
    expect(check(rule, { T: hc(TOKEN) })).toHaveLength(0);
  });

  test('property: passes exactly for 1..10', () => {
    fc.assert(fc.property(fc.integer({ min: -5, max: 30 }), (n) => check(rule, { T: hc(n) }).length === (n >= 1 && n <= 10 ? 0 : 1)));
  });
});
