/** ECS-CT-37: ContainerDefinition linuxParameters, "This parameter is not supported for Windows containers" (Windows trial F7). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2CapacityImage, Ec2Task, EcsCluster, FargateSize, FargateTask, WorkerService } from '../../../src';
import { CT37_WINDOWS_LINUX_PARAMETERS as rule } from '../../../src/rules/container/ct-37-windows-linux-parameters';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { check } from '../helpers';
import { ec2TaskWith, taskWith, WINDOWS } from '../task/fixtures';

const IIS = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');
const findings = (stack: Stack) =>
  runRules(new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]), { rules: [rule] });

describe('ECS-CT-37 LinuxParameters on Windows containers', () => {
  test('bad: a Windows container with InitProcessEnabled and capabilities (a warning)', () => {
    const [f] = check(rule, {
      T: taskWith([{ Name: 'iis', Image: 'x', LinuxParameters: { Capabilities: { Add: ['NET_ADMIN'], Drop: [] }, InitProcessEnabled: true } }], { RuntimePlatform: WINDOWS }),
    });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-37', severity: 'warning', property: 'Properties/ContainerDefinitions/0/LinuxParameters' });
    expect(f.message).toBe("[ECS-CT-37] Windows container 'iis' sets LinuxParameters (Capabilities, InitProcessEnabled), which ECS does not support "
      + "for Windows containers at TestStack/T; allowed: no LinuxParameters on Windows containers. Remove linuxParameters from container 'iis'.");
  });

  test('good: Linux tasks, empty LinuxParameters as aws-cdk-lib renders them; skipped: unresolved values or family', () => {
    const init = { Name: 'a', Image: 'x', LinuxParameters: { InitProcessEnabled: true } };
    expect(check(rule, {
      Linux: taskWith([init]),
      Declared: ec2TaskWith([init], { RuntimePlatform: { OperatingSystemFamily: 'LINUX' } }),
      Empty: taskWith([{ Name: 'a', Image: 'x', LinuxParameters: { Capabilities: {}, Devices: [] } }], { RuntimePlatform: WINDOWS }),
      Whole: taskWith([{ Name: 'a', Image: 'x', LinuxParameters: { 'Fn::If': ['C', { InitProcessEnabled: true }, { Ref: 'AWS::NoValue' }] } }], { RuntimePlatform: WINDOWS }),
      Field: taskWith([{ Name: 'a', Image: 'x', LinuxParameters: { InitProcessEnabled: { Ref: 'Init' } } }], { RuntimePlatform: WINDOWS }),
      Os: taskWith([init], { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }),
    })).toEqual([]);
  });

  test('a kit Windows FargateTask with linuxParameters gets the warning (repro 07); a plain aws-cdk-lib one too', () => {
    const kit = new Stack(new App(), 'Kit');
    new FargateTask(kit, 'T', {
      size: FargateSize.windows(1024, 2048),
      container: { image: IIS, linuxParameters: new ecs.LinuxParameters(kit, 'LP', { initProcessEnabled: true }), user: 'ContainerUser' },
    });
    expect(findings(kit).map((f) => f.message)).toEqual([expect.stringMatching(/^\[ECS-CT-37\] Windows container 'app' sets LinuxParameters \(InitProcessEnabled\)/)]);

    const plain = new Stack(new App(), 'Plain');
    const task = new ecs.FargateTaskDefinition(plain, 'Task', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2019_CORE, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
    });
    task.addContainer('iis', { image: IIS, linuxParameters: new ecs.LinuxParameters(plain, 'LP', { initProcessEnabled: true }) });
    expect(findings(plain)).toHaveLength(1);
  });

  test('the kit adds no LinuxParameters to Windows containers: Fargate and EC2 tasks, with ECS Exec, stay clean', () => {
    const stack = new Stack(new App(), 'Clean');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), enableExecuteCommand: true });
    const capacity = cluster.addEc2Capacity('Win', { image: Ec2CapacityImage.windowsServer() });
    const fargate = new FargateTask(stack, 'Fargate', { size: FargateSize.windows(1024, 2048), container: { image: IIS } });
    fargate.enableExecCompatibility();
    new WorkerService(stack, 'FargateWorker', { cluster, task: fargate, enableExecuteCommand: true });
    const ec2Task = new Ec2Task(stack, 'Ec2', { windows: true, container: { image: IIS, memoryLimitMiB: 1024 } });
    new WorkerService(stack, 'Ec2Worker', { cluster, task: ec2Task, capacity, enableExecuteCommand: true });
    const template = Template.fromStack(stack).toJSON();
    expect(JSON.stringify(template)).not.toContain('LinuxParameters');
    expect(findings(stack)).toEqual([]);
  });
});
