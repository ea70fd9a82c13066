import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { certificate, fargateTask, fixture } from './helpers';
import { AssemblyModel } from '../../src/rules/model';
import { replacementFindings } from '../../src/rules/replacement/replacement-guard';
import { FargateCapacity, WebService, WebServiceProps } from '../../src/service';

/** Synthesize one stack and read it as the guard does (from the cloud assembly). */
function synth(build: (stack: Stack, f: ReturnType<typeof fixture>) => void): AssemblyModel {
  // Path metadata, as the CDK CLI writes it, so findings name construct paths.
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const f = fixture({}, app);
  build(f.stack, f);
  const artifact = app.synth().getStackByName(f.stack.stackName);
  return new AssemblyModel([{ name: artifact.stackName, template: artifact.template }]);
}

const webService = (props: Partial<WebServiceProps>) => (stack: Stack, f: ReturnType<typeof fixture>) =>
  new WebService(stack, 'Web', { cluster: f.cluster, task: fargateTask(stack), certificate: certificate(stack), ...props });

describe('baseline replacement guard on synthesized services', () => {
  test('GIVEN an aws-cdk-lib FargateService moved from launch type to a Spot strategy THEN the #24907 warning names the service', () => {
    const plain = (strategies?: ecs.CapacityProviderStrategy[]) => (stack: Stack, f: ReturnType<typeof fixture>) =>
      new ecs.FargateService(stack, 'Legacy', {
        cluster: f.cluster.cluster, taskDefinition: fargateTask(stack).taskDefinition, minHealthyPercent: 100, capacityProviderStrategies: strategies,
      });
    const before = synth(plain());
    const after = synth(plain([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]));

    const findings = replacementFindings(before, after);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-RP-01', severity: 'warning', path: 'Svc/Legacy/Service', property: 'Properties/LaunchType' });
    expect(findings[0].message).toContain('Changing LaunchType "FARGATE" to CapacityProviderStrategy [FARGATE_SPOT weight 1] replaces ECS service');
  });

  test('GIVEN a kit service moved from on-demand Fargate to Spot THEN no warning: the kit always renders a strategy', () => {
    const before = synth(webService({}));
    const after = synth(webService({ fargateCapacity: FargateCapacity.spotWithOnDemandBase() }));
    expect(replacementFindings(before, after)).toEqual([]);
  });

  test('GIVEN a kit service that gets a fixed name THEN a warning naming ServiceName', () => {
    const [f] = replacementFindings(synth(webService({})), synth(webService({ serviceName: 'web' })));
    expect(f.message).toMatch(/^\[ECS-RP-01\] Changing ServiceName from \(not set\) to "web" replaces ECS service WebService[0-9A-F]+ at Svc\/Web\/Service/);
  });

  test('GIVEN autoscaling switched on THEN no warning (DesiredCount leaves the template, nothing is replaced)', () => {
    expect(replacementFindings(synth(webService({})), synth(webService({ autoScaling: { maxCapacity: 4 } })))).toEqual([]);
  });
});
