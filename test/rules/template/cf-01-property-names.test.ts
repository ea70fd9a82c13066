import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { PROPERTY_NAMES } from '../../../src/rules/tables/property-names';
import { CF01_PROPERTY_NAMES as rule } from '../../../src/rules/template/cf-01-property-names';
import { likelyMeant, shapesOf } from '../../../src/rules/template/property-shapes';
import { check, fargateTask } from '../helpers';

describe('ECS-CF-01 property names CloudFormation does not know', () => {
  test('bad: a camelCase key from task definition JSON in a container, with the name it meant', () => {
    const [f, ...rest] = check(rule, { T: fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: 'x', Entrypoint: ['sh'] }] }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-CF-01', severity: 'warning', property: 'Properties/ContainerDefinitions/0/Entrypoint', value: '["sh"]' });
    expect(f.message).toBe('[ECS-CF-01] Entrypoint is not a property of a ContainerDefinition of AWS::ECS::TaskDefinition (did you mean EntryPoint?) '
      + 'at TestStack/T; allowed: EntryPoint (names are case-sensitive); all: the 42 properties of ContainerDefinition in the CloudFormation reference. '
      + 'Rename Entrypoint to EntryPoint (in CDK, the addPropertyOverride or addOverride path).');
  });

  test('bad: typos at every depth, in Fn::If branches, and keys nothing is close to', () => {
    const findings = check(rule, {
      T: fargateTask({
        cpu: '256',
        ContainerDefinitions: [{ Name: 'app', Image: 'x', PortMapping: [{ ContainerPort: 80 }], PortMappings: [{ ContainerPort: 80, HostPrt: 80 }] }],
      }),
      S: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: { Ref: 'T' },
          DeploymentConfiguration: { DeploymentCircuitBreaker: { Enabled: true, Rollback: true } },
          NetworkConfiguration: { 'Fn::If': ['Prod', { AwsvpcConfiguration: { Subnets: ['s'] } }, { AwsVpcConfiguration: { Subnets: ['s'] } }] },
          Colour: 'blue',
        },
      },
    });
    expect(findings.map((f) => [f.property, f.message.match(/did you mean (\w+)\?/)?.[1]])).toEqual([
      ['Properties/ContainerDefinitions/0/PortMapping', 'PortMappings'],
      ['Properties/ContainerDefinitions/0/PortMappings/0/HostPrt', 'HostPort'],
      ['Properties/cpu', 'Cpu'],
      ['Properties/DeploymentConfiguration/DeploymentCircuitBreaker/Enabled', 'Enable'],
      ['Properties/NetworkConfiguration/Fn::If/2/AwsVpcConfiguration', 'AwsvpcConfiguration'],
      ['Properties/Colour', undefined],
    ]);
    // Nothing close: the fix says to remove it; many names are not listed.
    expect(findings[5].message).toBe('[ECS-CF-01] Colour is not a property of AWS::ECS::Service at TestStack/S; allowed: the 30 properties of '
      + 'AWS::ECS::Service in the CloudFormation reference. Remove Colour or use a property AWS::ECS::Service has (in CDK, check the '
      + 'addPropertyOverride or addOverride path).');
    // Few names: all are listed.
    expect(findings[3].message).toContain('allowed: Enable; all: Enable, ResetOnHealthyTask, Rollback and ThresholdConfiguration.');
  });

  test('good: every name the schema has, maps, intrinsics, other resource types and an unresolved object', () => {
    expect(check(rule, {
      T: fargateTask({
        ContainerDefinitions: [{
          Name: 'app',
          Image: 'x',
          DockerLabels: { anyKey: 'v' },
          EntryPoint: ['sh'],
          LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': 'g' } },
          Environment: { 'Fn::If': ['Prod', [{ Name: 'A', Value: '1' }], { Ref: 'AWS::NoValue' }] },
        }],
        Volumes: { Ref: 'Volumes' },
        Tags: [{ Key: 'team', Value: 'x' }],
      }),
      C: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
      R: { Type: 'AWS::ECR::Repository', Properties: { ImageScanningConfiguration: { ScanOnPush: true }, EmptyOnDelete: true } },
      B: { Type: 'AWS::S3::Bucket', Properties: { Whatever: 1 } },
    })).toEqual([]);
  });

  test('every ECS and ECR L1 aws-cdk-lib renders, with every prop, is clean (the table is not older than aws-cdk-lib)', () => {
    const stack = new Stack(new App(), 'S');
    new ecs.CfnTaskDefinition(stack, 'T', {
      containerDefinitions: [{
        name: 'a',
        image: 'x',
        entryPoint: ['sh'],
        versionConsistency: 'disabled',
        restartPolicy: { enabled: true, ignoredExitCodes: [1], restartAttemptPeriod: 60 },
        credentialSpecs: ['x'],
        linuxParameters: { initProcessEnabled: true, capabilities: { add: ['SYS_PTRACE'] }, tmpfs: [{ containerPath: '/t', size: 1 }] },
        healthCheck: { command: ['CMD'], interval: 30 },
        firelensConfiguration: { type: 'fluentbit', options: { a: 'b' } },
      }],
      volumes: [{ name: 'v', efsVolumeConfiguration: { filesystemId: 'fs', authorizationConfig: { iam: 'ENABLED' } }, configuredAtLaunch: false }],
      runtimePlatform: { cpuArchitecture: 'ARM64' },
      ephemeralStorage: { sizeInGiB: 30 },
      enableFaultInjection: false,
    });
    new ecs.CfnService(stack, 'Svc', {
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [{ hookTargetArn: 'a', roleArn: 'r', lifecycleStages: ['PRE_SCALE_UP'] }] },
      loadBalancers: [{ containerName: 'a', containerPort: 80, targetGroupArn: 't', advancedConfiguration: { alternateTargetGroupArn: 'b', productionListenerRule: 'p', roleArn: 'r' } }],
      availabilityZoneRebalancing: 'ENABLED',
    });
    const template = Template.fromStack(stack).toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    expect(check(rule, template.Resources)).toEqual([]);
  });

  test('likelyMeant: case first, then one or two edits on long enough names, never on short ones', () => {
    const names = ['Cpu', 'Memory', 'EntryPoint', 'PortMappings', 'Essential'];
    expect(likelyMeant('cpu', names)).toBe('Cpu');
    expect(likelyMeant('Gpu', names)).toBeUndefined();
    expect(likelyMeant('Memroy', names)).toBe('Memory');
    expect(likelyMeant('PortMaping', names)).toBe('PortMappings');
    expect(likelyMeant('Colour', names)).toBeUndefined();
    fc.assert(fc.property(fc.constantFrom(...names), (n) => likelyMeant(n.toUpperCase(), names) === n));
  });

  test('the table: every type parses, and every nested definition a name points to is listed', () => {
    for (const type of Object.keys(PROPERTY_NAMES)) {
      const shapes = shapesOf(type)!;
      for (const shape of shapes.values()) {
        for (const child of shape.values()) if (child !== '') expect(shapes.has(child)).toBe(true);
      }
    }
    expect(shapesOf('AWS::S3::Bucket')).toBeUndefined();
  });
});
