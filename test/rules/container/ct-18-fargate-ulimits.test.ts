import * as fc from 'fast-check';
import { CT18_FARGATE_ULIMITS as rule } from '../../../src/rules/container/ct-18-fargate-ulimits';
import { check } from '../helpers';
import { taskWith, TOKEN, WINDOWS } from '../task/fixtures';

const nofile = (SoftLimit: unknown, HardLimit: unknown, props: Record<string, unknown> = {}) =>
  taskWith([{ Name: 'app', Image: 'x', Ulimits: [{ Name: 'nofile', SoftLimit, HardLimit }] }], props);

describe('ECS-CT-18 Fargate ulimits', () => {
  test('bad: nofile hard limit above 1048576', () => {
    const [f, ...rest] = check(rule, { T: nofile(65535, 2000000) });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-18', severity: 'error', property: 'Properties/ContainerDefinitions/0/Ulimits/0/HardLimit', value: '2000000' });
    expect(f.message).toContain("Fargate container 'app' nofile HardLimit 2000000 is above the Fargate maximum");
  });

  test('bad: any ulimit on Windows Fargate', () => {
    const [f] = check(rule, { T: nofile(1024, 4096, { Cpu: '1024', Memory: '2048', RuntimePlatform: WINDOWS }) });
    expect(f.property).toBe('Properties/ContainerDefinitions/0/Ulimits');
    expect(f.message).toContain("Windows Fargate container 'app' sets Ulimits");
  });

  test('good: raised nofile within the maximum', () => {
    expect(check(rule, { T: nofile(1048576, 1048576) })).toHaveLength(0);
  });

  test('skipped: tokens and unresolved platform', () => {
    expect(check(rule, { T: nofile(TOKEN, TOKEN) })).toHaveLength(0);
    expect(check(rule, { T: nofile(1, 2, { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }) })).toHaveLength(0);
  });

  test('property: limits pass exactly up to 1048576', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4_000_000 }), (n) => check(rule, { T: nofile(1024, n) }).length === (n > 1_048_576 ? 1 : 0)));
  });
});
