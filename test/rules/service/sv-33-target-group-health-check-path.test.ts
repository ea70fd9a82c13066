/** ECS-SV-33: "This path must begin with a '/' character, and can be at most 1024 characters in length" (ELB CreateTargetGroup). */
import * as fc from 'fast-check';
import { SV33_TARGET_GROUP_HEALTH_CHECK_PATH as rule } from '../../../src/rules/service/sv-33-target-group-health-check-path';
import { check, expectSilentWithoutGate, Resources } from '../helpers';

const group = (props: Record<string, unknown>): Resources => ({
  Tg: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 8080, Protocol: 'HTTP', TargetType: 'ip', VpcId: 'vpc-1', ...props } },
});

describe('ECS-SV-33 target group health check path', () => {
  test('bad: a path without a leading slash names the path to use', () => {
    const [f] = check(rule, group({ HealthCheckPath: 'healthz' }));
    expect(f).toMatchObject({ ruleId: 'ECS-SV-33', severity: 'error', property: 'Properties/HealthCheckPath', value: '"healthz"' });
    expect(f.message).toBe('[ECS-SV-33] Target group health check path "healthz" does not start with / at TestStack/Tg; '
      + 'allowed: a path starting with / (at most 1,024 characters). Use "/healthz".');
  });

  test('bad: a path longer than 1,024 characters', () => {
    const [f] = check(rule, group({ HealthCheckPath: `/${'a'.repeat(1024)}` }));
    expect(f.message).toMatch(/^\[ECS-SV-33\] Target group health check path is 1025 characters long at TestStack\/Tg; allowed: at most 1024 characters/);
    expect(check(rule, group({ HealthCheckPath: `/${'a'.repeat(1023)}` }))).toEqual([]);
  });

  test('good: paths starting with /, with queries and gRPC methods; no path at all', () => {
    for (const p of ['/', '/health', '/ping?format=json', '/package.service/method']) expect(check(rule, group({ HealthCheckPath: p }))).toEqual([]);
    expect(check(rule, group({}))).toEqual([]);
  });

  test('property: any path is flagged exactly when it does not start with / or is over 1,024 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 1100 }), (p) => {
      const flagged = check(rule, group({ HealthCheckPath: p })).length === 1;
      expect(flagged).toBe(!p.startsWith('/') || p.length > 1024);
    }), { numRuns: 200 });
  });

  test('skipped: an unresolved path; silent without the gated property', () => {
    expect(check(rule, group({ HealthCheckPath: { 'Fn::Join': ['', ['health', { Ref: 'Suffix' }]] } }))).toEqual([]);
    expectSilentWithoutGate(rule, group({ HealthCheckPath: 'healthz' }));
  });
});
