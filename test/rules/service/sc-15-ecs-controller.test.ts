import { SC15_ECS_CONTROLLER as rule } from '../../../src/rules/service/sc-15-ecs-controller';
import { check } from '../helpers';
import { service } from './fixtures';

const connect = (Enabled: unknown) => ({ ServiceConnectConfiguration: { Enabled, Namespace: 'internal' } });

describe('ECS-SC-15 Service Connect needs the ECS deployment controller (found by a deployments user trial)', () => {
  test('bad: CODE_DEPLOY or EXTERNAL controller with Service Connect', () => {
    const [f, ...rest] = check(rule, { S: service({ DeploymentController: { Type: 'CODE_DEPLOY' }, ...connect(true) }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-SC-15', severity: 'error', property: 'Properties/ServiceConnectConfiguration/Enabled' });
    expect(f.message).toBe('[ECS-SC-15] Service Connect is set on a service with the CODE_DEPLOY deployment controller at TestStack/S; '
      + 'allowed: Service Connect only with the ECS deployment controller. Remove Service Connect, or use DeploymentController Type ECS.');
    expect(check(rule, { S: service({ DeploymentController: { Type: 'EXTERNAL' }, ...connect('true') }) })).toHaveLength(1);
  });

  test('good: the ECS controller (also with blue/green), no controller, Service Connect off; skipped: unresolved', () => {
    expect(check(rule, { S: service({ DeploymentController: { Type: 'ECS' }, DeploymentConfiguration: { Strategy: 'BLUE_GREEN' }, ...connect(true) }) })).toEqual([]);
    expect(check(rule, { S: service(connect(true)) })).toEqual([]);
    expect(check(rule, { S: service({ DeploymentController: { Type: 'CODE_DEPLOY' }, ...connect(false) }) })).toEqual([]);
    expect(check(rule, { S: service({ DeploymentController: { Type: { Ref: 'Controller' } }, ...connect(true) }) })).toEqual([]);
    expect(check(rule, { S: service({ DeploymentController: { Type: 'CODE_DEPLOY' }, ...connect({ Ref: 'On' }) }) })).toEqual([]);
  });
});
