/** Rules over templates synthesized from real aws-cdk-lib L2 constructs. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { SERVICE_RULES } from '../../../src/rules/service';

function fargateApp(cdkProps: { spot: boolean; enableSpot: boolean; split: boolean; min?: number; max?: number }) {
  const app = new App();
  const base = new Stack(app, 'Base');
  const vpc = new ec2.Vpc(base, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const cluster = new ecs.Cluster(base, 'Cluster', { vpc });
  // addCapacityProvider is deprecated and gone from the typings, but still the only way to enable FARGATE alone.
  const legacy = cluster as unknown as { addCapacityProvider(name: string): void };
  legacy.addCapacityProvider('FARGATE');
  if (cdkProps.enableSpot) legacy.addCapacityProvider('FARGATE_SPOT');
  const svcStack = cdkProps.split ? new Stack(app, 'Svc') : base;
  const task = new ecs.FargateTaskDefinition(svcStack, 'Task');
  task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), portMappings: [{ containerPort: 80 }] });
  new ecs.FargateService(svcStack, 'Service', {
    cluster,
    taskDefinition: task,
    minHealthyPercent: cdkProps.min,
    maxHealthyPercent: cdkProps.max,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    assignPublicIp: true,
    capacityProviderStrategies: cdkProps.spot ? [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }] : undefined,
  });
  const stacks = cdkProps.split ? [base, svcStack] : [base];
  return new AssemblyModel(stacks.map((s) => ({ name: s.stackName, template: Template.fromStack(s).toJSON() })));
}

describe('service rules on aws-cdk-lib L2 templates', () => {
  test('FargateService with minHealthyPercent 100 / maxHealthyPercent 100 is reported by ECS-SV-08 only', () => {
    const findings = runRules(fargateApp({ spot: false, enableSpot: false, split: false, min: 100, max: 100 }), { rules: SERVICE_RULES });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-SV-08', 'warning', 'Properties/DeploymentConfiguration/MaximumPercent'],
    ]);
  });

  test('a default FargateService passes every service rule', () => {
    expect(runRules(fargateApp({ spot: true, enableSpot: true, split: false }), { rules: SERVICE_RULES })).toHaveLength(0);
  });

  test('cross-stack: cluster in one stack, service in another via Fn::ImportValue; FARGATE_SPOT not enabled', () => {
    const assembly = fargateApp({ spot: true, enableSpot: false, split: true });
    const svc = assembly.stacks[1].ofType('AWS::ECS::Service')[0];
    expect(JSON.stringify(svc.properties.Cluster)).toContain('Fn::ImportValue');
    const findings = runRules(assembly, { rules: SERVICE_RULES });
    expect(findings.map((f) => [f.ruleId, f.stack, f.property, f.value])).toEqual([
      ['ECS-SV-05', 'Svc', 'Properties/CapacityProviderStrategy/1/CapacityProvider', '"FARGATE_SPOT"'],
    ]);
    expect(findings[0].message).toMatch(/not associated with cluster Base\/Cluster/);
    expect(findings[0].message).toContain('allowed: providers associated with the cluster: FARGATE');
  });

  test('cross-stack: FARGATE_SPOT enabled in the other stack passes', () => {
    expect(runRules(fargateApp({ spot: true, enableSpot: true, split: true }), { rules: SERVICE_RULES })).toHaveLength(0);
  });
});
