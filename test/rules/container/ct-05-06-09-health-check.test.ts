import * as fc from 'fast-check';
import { CT05_HEALTH_CHECK_INTERVAL as ct05 } from '../../../src/rules/container/ct-05-health-check-interval';
import { CT06_HEALTH_CHECK_TIMEOUT as ct06 } from '../../../src/rules/container/ct-06-health-check-timeout';
import { CT09_HEALTH_CHECK_COMMAND as ct09 } from '../../../src/rules/container/ct-09-health-check-command';
import { check } from '../helpers';
import { taskWith, TOKEN } from '../task/fixtures';

const hc = (HealthCheck: Record<string, unknown>) => taskWith([{ Name: 'app', Image: 'x', HealthCheck: { Command: ['CMD', 'true'], ...HealthCheck } }]);

describe('ECS-CT-05 health check interval 5-300 s', () => {
  test('bad: the L1 Interval 1 from the issue', () => {
    const [f] = check(ct05, { T: hc({ Interval: 1 }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-05', severity: 'error', property: 'Properties/ContainerDefinitions/0/HealthCheck/Interval', value: '1' });
    expect(f.message).toContain("container 'app' HealthCheck.Interval 1 is out of range at TestStack/T; allowed: whole numbers from 5 to 300 s");
  });
  test('good: omitted, 5, "300"', () => {
    for (const Interval of [undefined, 5, '300']) expect(check(ct05, { T: hc({ Interval }) })).toEqual([]);
  });
  test('skipped: token', () => expect(check(ct05, { T: hc({ Interval: TOKEN }) })).toEqual([]));
  test('property: passes exactly for 5..300', () => {
    const expected = (n: number) => (n >= 5 && n <= 300 ? 0 : 1);
    fc.assert(fc.property(fc.integer({ min: -10, max: 400 }), (n) => check(ct05, { T: hc({ Interval: n }) }).length === expected(n)));
  });
});

describe('ECS-CT-06 health check timeout 2-120 s', () => {
  test('bad: 1 and 121', () => {
    expect(check(ct06, { T: hc({ Timeout: 1 }) })[0]).toMatchObject({ ruleId: 'ECS-CT-06', property: 'Properties/ContainerDefinitions/0/HealthCheck/Timeout' });
    expect(check(ct06, { T: hc({ Timeout: 121 }) })[0].message).toContain('Set HealthCheck.Timeout of container \'app\' to 120 s');
  });
  test('good: 2, 60, 120', () => {
    for (const Timeout of [2, 60, 120]) expect(check(ct06, { T: hc({ Timeout }) })).toEqual([]);
  });
  test('skipped: intrinsic', () => expect(check(ct06, { T: hc({ Timeout: { Ref: 'T' } }) })).toEqual([]));
});

describe('ECS-CT-09 health check command', () => {
  test('bad: no CMD prefix, empty command, no command', () => {
    const [f] = check(ct09, { T: hc({ Command: ['curl', '-f', 'http://localhost/'] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-09', property: 'Properties/ContainerDefinitions/0/HealthCheck/Command' });
    expect(f.message).toContain('HealthCheck.Command starts with "curl"');
    expect(f.message).toContain('["CMD-SHELL", "curl -f http://localhost/"]');
    expect(check(ct09, { T: hc({ Command: [] }) })[0].message).toContain('HealthCheck has no Command');
    expect(check(ct09, { T: hc({ Command: undefined }) })).toHaveLength(1);
  });
  test('good: CMD, CMD-SHELL, NONE; no health check', () => {
    for (const Command of [['CMD', 'true'], ['CMD-SHELL', 'exit 0'], ['NONE']]) expect(check(ct09, { T: hc({ Command }) })).toEqual([]);
    expect(check(ct09, { T: taskWith([{ Name: 'app', Image: 'x' }]) })).toEqual([]);
  });
  test('skipped: token command or first item', () => {
    expect(check(ct09, { T: hc({ Command: { 'Fn::Split': [' ', 'CMD true'] } }) })).toEqual([]);
    expect(check(ct09, { T: hc({ Command: [TOKEN, 'true'] }) })).toEqual([]);
  });
});
