/** deploymentProps: the construction-time checks of ServiceDeployment, over their whole input ranges (no synth). */
import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { EcsKitErrors } from '../../src/errors';
import { deploymentProps, DeploymentShape, ServiceDeployment } from '../../src/service/base/deployment';

const REPLICA_LB: DeploymentShape = { daemon: false, loadBalanced: true, serviceConnectServer: false };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return EcsKitErrors.codeOf(e) ?? String(e);
  }
};

test('stepPercent: linear accepts multiples of 0.1 from 3 to 100, canary from 0.1 to 100; everything else is ECS-SV-14', () => {
  fc.assert(fc.property(fc.integer({ min: -50, max: 1100 }), fc.boolean(), (tenths, linear) => {
    const percent = tenths / 10;
    const min = linear ? 3 : 0.1;
    const deployment = linear ? ServiceDeployment.linear({ stepPercent: percent }) : ServiceDeployment.canary({ stepPercent: percent });
    const code = codeOf(() => deploymentProps('S/Web', deployment, undefined, REPLICA_LB));
    expect(code).toBe(percent >= min && percent <= 100 ? undefined : 'ECS-SV-14');
  }));
  expect(codeOf(() => deploymentProps('S/Web', ServiceDeployment.linear({ stepPercent: 10.05 }), undefined, REPLICA_LB))).toBe('ECS-SV-14');
});

test('bakeTime and stepBakeTime: whole minutes from 0 to 1440', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2000 * 60 }), (seconds) => {
    const ok = seconds % 60 === 0 && seconds / 60 <= 1440;
    const bake = () => deploymentProps('S/Web', ServiceDeployment.blueGreen({ bakeTime: Duration.seconds(seconds) }), undefined, REPLICA_LB);
    const step = () => deploymentProps('S/Web', ServiceDeployment.canary({ stepBakeTime: Duration.seconds(seconds) }), undefined, REPLICA_LB);
    expect([codeOf(bake), codeOf(step)]).toEqual(ok ? [undefined, undefined] : ['ECS-SV-14', 'ECS-SV-14']);
  }), { numRuns: 200 });
});

test('forceNewDeployment nonce: 1 to 255 characters', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
    expect(codeOf(() => deploymentProps('S/Web', undefined, 'x'.repeat(n), REPLICA_LB))).toBe(n >= 1 && n <= 255 ? undefined : 'ECS-SV-15');
  }), { numRuns: 100 });
});

test('rendered props: nothing for rolling; strategy, bake time and step configuration otherwise', () => {
  expect(deploymentProps('S/Web', ServiceDeployment.rolling(), undefined, REPLICA_LB)).toEqual({
    deploymentStrategy: undefined, bakeTime: undefined, linearConfiguration: undefined, canaryConfiguration: undefined, forceNewDeployment: undefined,
  });
  const linear = deploymentProps('S/Web', ServiceDeployment.linear({ stepPercent: 25, bakeTime: Duration.minutes(3) }), 'n1', REPLICA_LB);
  expect(linear).toMatchObject({
    deploymentStrategy: ecs.DeploymentStrategy.LINEAR,
    linearConfiguration: { stepPercent: 25 },
    canaryConfiguration: undefined,
    forceNewDeployment: { enabled: true, nonce: 'n1' },
  });
  expect(linear.bakeTime?.toMinutes()).toBe(3);
});
