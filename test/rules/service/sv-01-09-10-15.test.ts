import { service } from './fixtures';
import { SV01_LAUNCH_TYPE_OR_STRATEGY as sv01 } from '../../../src/rules/service/sv-01-launch-type-or-strategy';
import { SV09_CIRCUIT_BREAKER_CONTROLLER as sv09 } from '../../../src/rules/service/sv-09-circuit-breaker-controller';
import { SV10_DEPLOYMENT_ALARMS as sv10 } from '../../../src/rules/service/sv-10-deployment-alarms';
import { SV15_LIFECYCLE_HOOKS_FORCE_DEPLOY as sv15 } from '../../../src/rules/service/sv-15-lifecycle-hooks-force-deploy';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const codeDeploy = { DeploymentController: { Type: 'CODE_DEPLOY' } };

describe('ECS-SV-01 launch type or strategy', () => {
  test('bad: both', () => {
    const [f] = check(sv01, { S: service({ LaunchType: 'FARGATE', CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-01', property: 'Properties/LaunchType' });
  });
  test('good: one or the other; empty strategy', () => {
    expect(check(sv01, { S: service({ LaunchType: 'FARGATE' }) })).toEqual([]);
    expect(check(sv01, { S: service({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] }) })).toEqual([]);
    expect(check(sv01, { S: service({ LaunchType: 'EC2', CapacityProviderStrategy: [] }) })).toEqual([]);
  });
  test('skipped: unresolved strategy', () => expect(check(sv01, { S: service({ LaunchType: 'EC2', CapacityProviderStrategy: { 'Fn::If': ['C', [], []] } }) })).toEqual([]));
});

describe('ECS-SV-09 circuit breaker needs the ECS controller', () => {
  const cb = (Enable: unknown) => ({ DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable, Rollback: true } } });
  test('bad: CODE_DEPLOY with circuit breaker', () => {
    const [f] = check(sv09, { S: service({ ...codeDeploy, ...cb(true) }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-09', property: 'Properties/DeploymentConfiguration/DeploymentCircuitBreaker' });
    expect(f.message).toContain('DeploymentCircuitBreaker is set on a service with the CODE_DEPLOY deployment controller');
  });
  test('good: ECS (default) controller; disabled breaker', () => {
    expect(check(sv09, { S: service(cb(true)) })).toEqual([]);
    expect(check(sv09, { S: service({ ...codeDeploy, ...cb(false) }) })).toEqual([]);
  });
  test('skipped: token controller or flag', () => {
    expect(check(sv09, { S: service({ DeploymentController: { Type: TOKEN }, ...cb(true) }) })).toEqual([]);
    expect(check(sv09, { S: service({ ...codeDeploy, ...cb({ Ref: 'On' }) }) })).toEqual([]);
  });
});

describe('ECS-SV-10 deployment alarms', () => {
  const alarms = (a: Record<string, unknown>) => ({ DeploymentConfiguration: { Alarms: { Enable: true, Rollback: true, ...a } } });
  test('bad: EXTERNAL controller; no alarm names', () => {
    expect(check(sv10, { S: service({ DeploymentController: { Type: 'EXTERNAL' }, ...alarms({ AlarmNames: ['a'] }) }) })[0].message).toContain('EXTERNAL deployment controller');
    expect(check(sv10, { S: service(alarms({ AlarmNames: [] })) })[0]).toMatchObject({ ruleId: 'ECS-SV-10', property: 'Properties/DeploymentConfiguration/Alarms/AlarmNames' });
  });
  test('good: ECS with alarm names', () => expect(check(sv10, { S: service(alarms({ AlarmNames: ['HighErrors'] })) })).toEqual([]));
  test('skipped: token names', () => expect(check(sv10, { S: service(alarms({ AlarmNames: { Ref: 'Names' } })) })).toEqual([]));
});

describe('ECS-SV-15 lifecycle hooks and forced deployments', () => {
  const hooks = { DeploymentConfiguration: { LifecycleHooks: [{ HookTargetArn: 'arn:aws:lambda:us-east-1:1:function:f', RoleArn: 'arn:aws:iam::1:role/r', LifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] } };
  test('bad: hooks with CODE_DEPLOY; force with EXTERNAL; 256-character nonce', () => {
    expect(check(sv15, { S: service({ ...codeDeploy, ...hooks }) })[0]).toMatchObject({ ruleId: 'ECS-SV-15', property: 'Properties/DeploymentConfiguration/LifecycleHooks' });
    expect(check(sv15, { S: service({ DeploymentController: { Type: 'EXTERNAL' }, ForceNewDeployment: { EnableForceNewDeployment: true } }) })).toHaveLength(1);
    expect(check(sv15, { S: service({ ForceNewDeployment: { EnableForceNewDeployment: true, ForceNewDeploymentNonce: 'x'.repeat(256) } }) })[0].message).toContain('256 characters');
  });
  test('good: ECS controller with hooks and a short nonce', () => {
    expect(check(sv15, { S: service({ ...hooks, ForceNewDeployment: { EnableForceNewDeployment: true, ForceNewDeploymentNonce: '2026-12-02' } }) })).toEqual([]);
  });
  test('skipped: token nonce and controller', () => {
    const force = { EnableForceNewDeployment: true, ForceNewDeploymentNonce: TOKEN };
    expect(check(sv15, { S: service({ DeploymentController: { Type: TOKEN }, ...hooks, ForceNewDeployment: force }) })).toEqual([]);
  });
});
