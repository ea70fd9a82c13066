/**
 * The L2 path: real aws-cdk-lib task definitions, synthesized and run through
 * the task and container rules, including what aws-cdk-lib lets through.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CONTAINER_RULES } from '../../../src/rules/container';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { TASK_RULES } from '../../../src/rules/task';

const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

function findings(stack: Stack) {
  const template = Template.fromStack(stack).toJSON();
  return runRules(new AssemblyModel([{ name: stack.stackName, template }]), { rules: [...TASK_RULES, ...CONTAINER_RULES] });
}

function newStack(): Stack {
  return new Stack(new App(), 'L2Stack');
}

describe('task and container rules on aws-cdk-lib L2 output', () => {
  test('a plain FargateService with ECS Exec and a writable app container has no findings', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
    const task = new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 512, memoryLimitMiB: 1024 });
    const app = task.addContainer('app', { image, memoryReservationMiB: 512, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
    const init = task.addContainer('init', { image, essential: false });
    app.addContainerDependencies({ container: init, condition: ecs.ContainerDependencyCondition.SUCCESS });
    new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task, enableExecuteCommand: true });
    expect(findings(stack)).toEqual([]);
  });

  test('memoryReservationMiB equal to memoryLimitMiB passes aws-cdk-lib and is reported as ECS-CT-24', () => {
    const stack = newStack();
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    task.addContainer('app', { image, memoryLimitMiB: 512, memoryReservationMiB: 512 });
    const [f, ...rest] = findings(stack);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-24', severity: 'warning', property: 'Properties/ContainerDefinitions/0/MemoryReservation' });
    expect(f.logicalId).toMatch(/^Task/);
    expect(f.message).toContain("container 'app' MemoryReservation 512 MiB equals its Memory 512 MiB");
  });

  test('dependsOn COMPLETE on an essential container (ECS-CT-11) and the HEALTHY default without a health check (ECS-CT-12)', () => {
    const stack = newStack();
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    const app = task.addContainer('app', { image });
    const migrate = task.addContainer('migrate', { image });
    const db = task.addContainer('db', { image });
    app.addContainerDependencies({ container: migrate, condition: ecs.ContainerDependencyCondition.COMPLETE });
    app.addContainerDependencies({ container: db });
    expect(findings(stack).map((f) => [f.ruleId, f.property])).toEqual([
      ['ECS-CT-11', 'Properties/ContainerDefinitions/0/DependsOn/0/Condition'],
      ['ECS-CT-12', 'Properties/ContainerDefinitions/0/DependsOn/1/Condition'],
    ]);
  });

  test('a Windows FargateTaskDefinition with 1 vCPU and 1 GB passes aws-cdk-lib and fails ECS-TD-02', () => {
    const stack = newStack();
    const task = new ecs.FargateTaskDefinition(stack, 'Task', {
      cpu: 1024,
      memoryLimitMiB: 1024,
      runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
    });
    task.addContainer('iis', { image });
    expect(findings(stack).map((f) => f.ruleId)).toEqual(['ECS-TD-02']);
  });

  test('escape hatch: addPropertyOverride to bridge networking and a hard limit below the reservation', () => {
    const stack = newStack();
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    task.addContainer('app', { image, memoryReservationMiB: 256 });
    const cfn = task.node.defaultChild as ecs.CfnTaskDefinition;
    cfn.addPropertyOverride('NetworkMode', 'bridge');
    cfn.addPropertyOverride('ContainerDefinitions.0.Memory', 128);
    expect(findings(stack).map((f) => [f.ruleId, f.property])).toEqual([
      ['ECS-TD-07', 'Properties/NetworkMode'],
      ['ECS-CT-02', 'Properties/ContainerDefinitions/0/Memory'],
    ]);
  });
});
