import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ALL_RULES } from '../../../src/rules';
import { runRules } from '../../../src/rules/engine';
import { LIFECYCLE_STAGES } from '../../../src/rules/service/deployment-facts';
import { EXPRESS_SCALING_METRICS } from '../../../src/rules/service/xm-05-scaling-metric';
import { PROPERTY_ENUMS } from '../../../src/rules/tables/property-enums';
import { CF02_ENUM_VALUES as rule } from '../../../src/rules/template/cf-02-enum-values';
import { shapesOf } from '../../../src/rules/template/property-shapes';
import { assemblyOf, check, fargateTask, Resources } from '../helpers';

/** An EC2 task definition: no other rule judges its NetworkMode, PidMode or IpcMode. */
const ec2Task = (props: Record<string, unknown> = {}): Resources[string] => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge', ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256 }], ...props },
});
const service = (props: Record<string, unknown>): Resources[string] => ({
  Type: 'AWS::ECS::Service',
  Properties: { Cluster: 'c', TaskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/t:1', ...props },
});
const values = (type: string, def: string, name: string) => PROPERTY_ENUMS[type][def][name].split(' ');

describe('ECS-CF-02 values CloudFormation does not allow for enum properties', () => {
  test('bad: the reported cases, with exact messages', () => {
    const findings = check(rule, {
      R: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: 'immutable', EncryptionConfiguration: { EncryptionType: 'SSE' } } },
      S: service({ LaunchType: 'fargate' }),
      T: ec2Task({ NetworkMode: 'AWSVPC', ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256, PortMappings: [{ ContainerPort: 80, Protocol: 'TCP' }] }] }),
    });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property, f.value])).toEqual([
      ['ECS-CF-02', 'error', 'Properties/ImageTagMutability', '"immutable"'],
      ['ECS-CF-02', 'error', 'Properties/EncryptionConfiguration/EncryptionType', '"SSE"'],
      ['ECS-CF-02', 'error', 'Properties/LaunchType', '"fargate"'],
      ['ECS-CF-02', 'error', 'Properties/NetworkMode', '"AWSVPC"'],
      ['ECS-CF-02', 'error', 'Properties/ContainerDefinitions/0/PortMappings/0/Protocol', '"TCP"'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      '[ECS-CF-02] Properties/ImageTagMutability is immutable, which AWS::ECR::Repository does not allow (did you mean IMMUTABLE?) at TestStack/R; '
        + 'allowed: MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION (values are case-sensitive). Write immutable as IMMUTABLE.',
      '[ECS-CF-02] Properties/EncryptionConfiguration/EncryptionType is SSE, which an EncryptionConfiguration of AWS::ECR::Repository does not allow '
        + 'at TestStack/R; allowed: AES256, KMS or KMS_DSSE. Replace SSE with AES256, KMS or KMS_DSSE.',
      '[ECS-CF-02] Properties/LaunchType is fargate, which AWS::ECS::Service does not allow (did you mean FARGATE?) at TestStack/S; '
        + 'allowed: EC2, FARGATE or EXTERNAL (values are case-sensitive). Write fargate as FARGATE.',
      '[ECS-CF-02] Properties/NetworkMode is AWSVPC, which AWS::ECS::TaskDefinition does not allow (did you mean awsvpc?) at TestStack/T; '
        + 'allowed: awsvpc, bridge, host or none (values are case-sensitive). Write AWSVPC as awsvpc.',
      '[ECS-CF-02] Properties/ContainerDefinitions/0/PortMappings/0/Protocol is TCP, which a PortMapping of AWS::ECS::TaskDefinition does not allow '
        + '(did you mean tcp?) at TestStack/T; allowed: tcp or udp (values are case-sensitive). Write TCP as tcp.',
    ]);
  });

  test('bad: list items, typos and inline definitions; values under Fn::If are not judged (as unresolved as a parameter)', () => {
    const findings = check(rule, {
      T: ec2Task({
        RequiresCompatibilities: ['EC2', 'ec2'],
        NetworkMode: { 'Fn::If': ['Prod', 'awsvcp', 'Bridge'] },
        ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256, DependsOn: [{ ContainerName: 'init', Condition: 'Healthy' }] }],
      }),
      S: service({ PlacementStrategies: [{ Type: 'spred', Field: 'instanceId' }], LaunchType: 'EC2 ' }),
      R: { Type: 'AWS::ECR::RepositoryCreationTemplate', Properties: { Prefix: 'p', AppliedFor: ['REPLICATION'], ImageTagMutabilityExclusionFilters: [{ ImageTagMutabilityExclusionFilterType: 'wildcard', ImageTagMutabilityExclusionFilterValue: 'x' }] } },
    });
    expect(findings.map((f) => [f.property, f.message.match(/did you mean ([\w-]+)\?/)?.[1]])).toEqual([
      ['Properties/RequiresCompatibilities/1', 'EC2'],
      ['Properties/ContainerDefinitions/0/DependsOn/0/Condition', 'HEALTHY'],
      ['Properties/PlacementStrategies/0/Type', 'spread'],
      ['Properties/LaunchType', 'EC2'],
      ['Properties/ImageTagMutabilityExclusionFilters/0/ImageTagMutabilityExclusionFilterType', 'WILDCARD'],
    ]);
    expect(findings[2].message).toContain('allowed: binpack, random or spread. Write spred as spread.');
    expect(findings[4].message).toContain('which an ImageTagMutabilityExclusionFilter of AWS::ECR::RepositoryCreationTemplate does not allow');
  });

  test('a value another rule already reports is left to it', () => {
    const resources: Resources = {
      // ECS-TD-07 reports NetworkMode on a Fargate task, ECS-TD-15 PidMode, ECS-TD-16 IpcMode.
      F: fargateTask({ NetworkMode: 'AWSVPC', PidMode: 'TASK', IpcMode: 'Task' }),
      // ECS-TD-08 reports NetworkMode on an EXTERNAL task.
      X: ec2Task({ RequiresCompatibilities: ['EXTERNAL'], NetworkMode: 'Bridge' }),
      // ECS-DP-06 reports lifecycle stages, ECS-SC-12 access log settings.
      S: service({
        DeploymentConfiguration: { LifecycleHooks: [{ HookTargetArn: 'a', RoleArn: 'r', LifecycleStages: ['pre_scale_up'] }] },
        ServiceConnectConfiguration: { Enabled: true, AccessLogConfiguration: { Format: 'text', IncludeQueryParameters: 'enabled' } },
      }),
      // The same values on an EC2 task: nothing else reports them.
      E: ec2Task({ NetworkMode: 'AWSVPC', PidMode: 'TASK', IpcMode: 'Task' }),
    };
    expect(check(rule, resources).map((f) => `${f.logicalId} ${f.property}`)).toEqual([
      'E Properties/NetworkMode', 'E Properties/PidMode', 'E Properties/IpcMode',
    ]);
    const all = runRules(assemblyOf(resources), { rules: ALL_RULES });
    const at = (id: string, property: string) => all.filter((f) => f.logicalId === id && f.property === property).map((f) => f.ruleId);
    expect(at('F', 'Properties/NetworkMode')).toEqual(['ECS-TD-07']);
    expect(at('F', 'Properties/PidMode')).toEqual(['ECS-TD-15']);
    expect(at('F', 'Properties/IpcMode')).toEqual(['ECS-TD-16']);
    expect(at('X', 'Properties/NetworkMode')).toEqual(['ECS-TD-08']);
    expect(at('S', 'Properties/DeploymentConfiguration/LifecycleHooks/0/LifecycleStages')).toEqual(['ECS-DP-06']);
    expect(at('S', 'Properties/ServiceConnectConfiguration/AccessLogConfiguration/Format')).toEqual(['ECS-SC-12']);
    expect(at('S', 'Properties/ServiceConnectConfiguration/AccessLogConfiguration/IncludeQueryParameters')).toEqual(['ECS-SC-12']);
    // The rules CF-02 leaves whole properties to allow exactly the schema's values.
    expect([...LIFECYCLE_STAGES].sort()).toEqual(values('AWS::ECS::Service', 'DeploymentLifecycleHook', 'LifecycleStages').sort());
    expect([...EXPRESS_SCALING_METRICS].sort()).toEqual(values('AWS::ECS::ExpressGatewayService', 'ExpressGatewayScalingTarget', 'AutoScalingMetric').sort());
  });

  test('good: every value of several properties, intrinsics, tokens, non-strings and other resource types', () => {
    const task = (mode: string, protocol: string, compat: string) => ec2Task({
      RequiresCompatibilities: [compat],
      NetworkMode: mode,
      ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256, PortMappings: [{ ContainerPort: 80, Protocol: protocol }] }],
    });
    const resources: Resources = {};
    const modes = values('AWS::ECS::TaskDefinition', '', 'NetworkMode');
    const compat = values('AWS::ECS::TaskDefinition', '', 'RequiresCompatibilities');
    modes.forEach((m, i) => { resources[`T${i}`] = task(m, ['tcp', 'udp'][i % 2], 'EC2'); });
    compat.forEach((c, i) => { resources[`C${i}`] = { Type: 'AWS::ECS::TaskDefinition', Properties: { RequiresCompatibilities: [c] } }; });
    values('AWS::ECS::Service', '', 'LaunchType').forEach((l, i) => { resources[`S${i}`] = service({ LaunchType: l }); });
    values('AWS::ECR::Repository', '', 'ImageTagMutability').forEach((m, i) => { resources[`R${i}`] = { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: m } }; });
    Object.assign(resources, {
      I: ec2Task({
        NetworkMode: { Ref: 'Mode' },
        PidMode: { 'Fn::If': ['Host', 'host', { Ref: 'AWS::NoValue' }] },
        IpcMode: { 'Fn::Sub': '${Ipc}' },
        RequiresCompatibilities: [{ 'Fn::FindInMap': ['M', 'K', 'V'] }],
        ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256, PortMappings: [{ ContainerPort: 80, Protocol: '{{resolve:ssm:/proto}}' }, { ContainerPort: 81, Protocol: 6 }] }],
      }),
      K: service({ LaunchType: '${Token[TOKEN.123]}', PropagateTags: { 'Fn::ImportValue': 'x' } }),
      B: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Protocol: 'http' } },
    });
    expect(check(rule, resources)).toEqual([]);
  });

  test('the table agrees with aws-cdk-lib: its enums render values the schema allows', () => {
    const stack = new Stack(new App(), 'S');
    const modes = Object.values(ecs.NetworkMode);
    const tasks = modes.map((networkMode, i) => {
      const td = new ecs.Ec2TaskDefinition(stack, `T${i}`, { networkMode, ipcMode: Object.values(ecs.IpcMode)[i % 3], pidMode: Object.values(ecs.PidMode)[i % 2] });
      const c = td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), memoryLimitMiB: 256 });
      c.addPortMappings({ containerPort: 80, protocol: Object.values(ecs.Protocol)[i % 2] });
      c.addUlimits(...Object.values(ecs.UlimitName).map((name) => ({ name, softLimit: 1, hardLimit: 1 })));
      return stack.getLogicalId(td.node.defaultChild as ecs.CfnTaskDefinition);
    });
    Object.values(ecr.TagMutability).forEach((imageTagMutability, i) => new ecr.Repository(stack, `R${i}`, {
      imageTagMutability,
      imageTagMutabilityExclusionFilters: imageTagMutability.endsWith('_WITH_EXCLUSION') ? [ecr.ImageTagMutabilityExclusionFilter.wildcard('v*')] : undefined,
      encryption: [ecr.RepositoryEncryption.AES_256, ecr.RepositoryEncryption.KMS][i % 2],
    }));
    Object.values(ecs.LaunchType).forEach((launchType, i) => new ecs.CfnService(stack, `S${i}`, {
      launchType,
      propagateTags: Object.values(ecs.PropagatedTagSource)[i % 2],
      deploymentController: { type: Object.values(ecs.DeploymentControllerType)[i] },
    }));
    const template = Template.fromStack(stack).toJSON() as { Resources: Resources };
    expect(check(rule, template.Resources)).toEqual([]);
    // aws-cdk-lib's NetworkMode.NAT (Windows on EC2) is no CloudFormation value: the L2 leaves NetworkMode out for it.
    expect(modes.filter((m) => !values('AWS::ECS::TaskDefinition', '', 'NetworkMode').includes(m))).toEqual(['nat']);
    expect(template.Resources[tasks[modes.indexOf(ecs.NetworkMode.NAT)]].Properties!.NetworkMode).toBeUndefined();
    expect(Object.values(ecs.Protocol)).toEqual(values('AWS::ECS::TaskDefinition', 'PortMapping', 'Protocol'));
    expect(Object.values(ecs.LaunchType)).toEqual(values('AWS::ECS::Service', '', 'LaunchType'));
    expect(Object.values(ecr.TagMutability).sort()).toEqual(values('AWS::ECR::Repository', '', 'ImageTagMutability').sort());
  });

  test('the table: every definition it names is one the property-name walk reaches', () => {
    for (const [type, defs] of Object.entries(PROPERTY_ENUMS)) {
      const shapes = shapesOf(type)!;
      for (const [def, names] of Object.entries(defs)) {
        for (const [name, list] of Object.entries(names)) {
          expect({ type, def, name, known: shapes.get(def)?.has(name) }).toEqual({ type, def, name, known: true });
          expect(list.split(' ').length).toBeGreaterThan(0);
        }
      }
    }
  });
});
