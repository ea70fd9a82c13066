/** ECS-CT-36: "Windows containers don't support FireLens" (using_firelens.html, considerations; Windows trial F2). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { FargateSize, FargateTask } from '../../../src';
import { CT36_WINDOWS_FIRELENS as rule } from '../../../src/rules/container/ct-36-windows-firelens';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { check } from '../helpers';
import { taskWith, WINDOWS } from '../task/fixtures';

const IIS = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');
const ROUTER = { Name: 'log-router', Image: 'fluent-bit', FirelensConfiguration: { Type: 'fluentbit' } };
const APP = { Name: 'app', Image: 'x', LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'cloudwatch' } } };
const messages = (stack: Stack) =>
  runRules(new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.message);

describe('ECS-CT-36 FireLens on Windows tasks', () => {
  test('bad: a log router and an awsfirelens container in a Windows task definition', () => {
    const findings = check(rule, { T: taskWith([ROUTER, APP], { RuntimePlatform: WINDOWS }) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-CT-36', 'error', 'Properties/ContainerDefinitions/0/FirelensConfiguration'],
      ['ECS-CT-36', 'error', 'Properties/ContainerDefinitions/1/LogConfiguration/LogDriver'],
    ]);
    expect(findings[1].message).toBe("[ECS-CT-36] container 'app' logs with the awsfirelens log driver in a Windows task definition "
      + '(WINDOWS_SERVER_2022_CORE); Windows containers do not support FireLens at TestStack/T; allowed: awslogs (or another log driver Windows '
      + "supports) on Windows containers; awsfirelens in Linux tasks only. Log container 'app' with awslogs (in the kit, leave logging unset for "
      + 'the default awslogs; in aws-cdk-lib, ecs.LogDrivers.awsLogs).');
    expect(findings[0].message).toContain("container 'log-router' is a FireLens log router (FirelensConfiguration) in a Windows task definition");
  });

  test('good: FireLens on Linux, awslogs on Windows; skipped: an unresolved family or log driver', () => {
    expect(check(rule, {
      Linux: taskWith([ROUTER, APP]),
      Declared: taskWith([ROUTER, APP], { RuntimePlatform: { OperatingSystemFamily: 'LINUX' } }),
      Awslogs: taskWith([{ Name: 'app', Image: 'x', LogConfiguration: { LogDriver: 'awslogs' } }], { RuntimePlatform: WINDOWS }),
      Param: taskWith([ROUTER, APP], { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }),
      Driver: taskWith([{ Name: 'app', Image: 'x', LogConfiguration: { LogDriver: { Ref: 'Driver' } } }], { RuntimePlatform: WINDOWS }),
    })).toEqual([]);
  });

  test('a kit Windows FargateTask with LogDrivers.firelens fails synth on both containers (repro 02-windows-firelens)', () => {
    const stack = new Stack(new App(), 'Firelens');
    new FargateTask(stack, 'T', {
      size: FargateSize.windows(1024, 2048),
      container: { image: IIS, portMappings: [{ containerPort: 80 }], logging: ecs.LogDrivers.firelens({ options: { Name: 'cloudwatch' } }) },
    });
    expect(() => Template.fromStack(stack)).toThrow(/\[ECS-CT-36\] container 'log-router' is a FireLens log router/);
  });

  test('a plain aws-cdk-lib Windows EC2 task (no RuntimePlatform) on a Windows Auto Scaling group is flagged; on Linux it is not', () => {
    const build = (image: ecs.EcsOptimizedImage) => {
      const stack = new Stack(new App(), 'Plain');
      const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
      cluster.addCapacity('Instances', { instanceType: new ec2.InstanceType('m6i.xlarge'), machineImage: image });
      const task = new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.AWS_VPC });
      task.addContainer('app', { image: IIS, memoryLimitMiB: 1024, logging: ecs.LogDrivers.firelens({ options: { Name: 'cloudwatch' } }) });
      new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: task });
      return stack;
    };
    expect(messages(build(ecs.EcsOptimizedImage.windows(ecs.WindowsOptimizedVersion.SERVER_2022)))).toEqual([
      expect.stringMatching(/^\[ECS-CT-36\] container 'app' logs with the awsfirelens log driver in a task definition that runs on Windows instances/),
      expect.stringMatching(/^\[ECS-CT-36\] container 'log-router' is a FireLens log router/),
    ]);
    expect(messages(build(ecs.EcsOptimizedImage.amazonLinux2023()))).toEqual([]);
  });
});
