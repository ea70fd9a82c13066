/**
 * ECS-SV-42: the Fargate Windows platform version change log lists only 1.0.0, and Linux and Windows platform version numbers are
 * independent (platform-windows-fargate.html, platform-fargate.html; Windows trial F6).
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { cluster, item, service } from './fixtures';
import { EcsCluster, FargateSize, FargateTask, ScheduledJob, WorkerService } from '../../../src';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { SV42_WINDOWS_FARGATE_PLATFORM_VERSION as rule } from '../../../src/rules/service/sv-42-windows-fargate-platform-version';
import { check, fargateTask } from '../helpers';

const IIS = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');
const windows = fargateTask({ Cpu: '1024', Memory: '2048', RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', CpuArchitecture: 'X86_64' } });
const linux = fargateTask();
const target = (ecsParameters: Record<string, unknown>) => ({ TaskDefinitionArn: { Ref: 'Task' }, ...ecsParameters });
const schedule = (ecsParameters: Record<string, unknown>) => ({
  Type: 'AWS::Scheduler::Schedule',
  Properties: {
    ScheduleExpression: 'rate(1 hour)',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: { Arn: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, RoleArn: 'arn:aws:iam::111111111111:role/s', EcsParameters: target(ecsParameters) },
  },
});
const eventsRule = (ecsParameters: Record<string, unknown>) => ({
  Type: 'AWS::Events::Rule',
  Properties: { ScheduleExpression: 'rate(1 hour)', Targets: [{ Id: 'job', Arn: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, EcsParameters: target(ecsParameters) }] },
});

describe('ECS-SV-42 Linux platform versions for Windows tasks on Fargate', () => {
  test('bad: a Fargate service running a Windows task with PlatformVersion 1.4.0', () => {
    const [f] = check(rule, { Cluster: cluster(), Task: windows, S: service({ LaunchType: 'FARGATE', PlatformVersion: '1.4.0' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-42', severity: 'error', property: 'Properties/PlatformVersion' });
    expect(f.message).toBe('[ECS-SV-42] Service runs Windows task definition TestStack/Task (WINDOWS_SERVER_2022_CORE) on Fargate with PlatformVersion '
      + '1.4.0, a Linux platform version at TestStack/S; allowed: PlatformVersion 1.0.0 or LATEST for Windows tasks on Fargate. Set platformVersion to '
      + 'FargatePlatformVersion.LATEST or VERSION1_0 (PlatformVersion LATEST or 1.0.0), or remove it.');
    // A Fargate strategy, or neither launch type nor strategy with a Fargate task definition.
    expect(check(rule, { Cluster: cluster(), Task: windows, S: service({ CapacityProviderStrategy: [item('FARGATE', 1)], PlatformVersion: '1.3.0' }) }))
      .toHaveLength(1);
    expect(check(rule, { Cluster: cluster(), Task: windows, S: service({ PlatformVersion: '1.4.0' }) })).toHaveLength(1);
  });

  test('bad: a schedule and an events rule running a Windows task on Fargate with a Linux version', () => {
    const [f] = check(rule, { Cluster: cluster(), Task: windows, J: schedule({ LaunchType: 'FARGATE', PlatformVersion: '1.3.0' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-42', property: 'Properties/Target/EcsParameters/PlatformVersion' });
    expect(f.message).toContain('Scheduled task runs Windows task definition TestStack/Task (WINDOWS_SERVER_2022_CORE) on Fargate with PlatformVersion 1.3.0');
    const strategy = { CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }], PlatformVersion: '1.4.0' };
    expect(check(rule, { Cluster: cluster(), Task: windows, R: eventsRule(strategy) }).map((x) => x.property))
      .toEqual(['Properties/Targets/0/EcsParameters/PlatformVersion']);
  });

  test('good: 1.0.0 and LATEST on Windows, Linux tasks on 1.4.0, Windows on EC2; skipped: an unresolved version or family', () => {
    const services = (task: unknown, props: Record<string, unknown>) => check(rule, { Cluster: cluster(), Task: task as never, S: service(props) });
    expect(services(windows, { LaunchType: 'FARGATE', PlatformVersion: '1.0.0' })).toEqual([]);
    expect(services(windows, { LaunchType: 'FARGATE', PlatformVersion: 'LATEST' })).toEqual([]);
    expect(services(linux, { LaunchType: 'FARGATE', PlatformVersion: '1.4.0' })).toEqual([]);
    expect(services(windows, { LaunchType: 'EC2', PlatformVersion: '1.4.0' })).toEqual([]);
    expect(services(windows, { LaunchType: 'FARGATE', PlatformVersion: { Ref: 'Version' } })).toEqual([]);
    expect(services(fargateTask({ RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }), { LaunchType: 'FARGATE', PlatformVersion: '1.4.0' })).toEqual([]);
    expect(check(rule, { Cluster: cluster(), Task: windows, J: schedule({ LaunchType: 'EC2', PlatformVersion: '1.4.0' }) })).toEqual([]);
    expect(check(rule, { Cluster: cluster(), Task: windows, J: schedule({ LaunchType: 'FARGATE', PlatformVersion: '1.0.0' }) })).toEqual([]);
  });

  test('the kit\'s WorkerService and ScheduledJob with Linux versions on a Windows FargateTask fail synth; LATEST and VERSION1_0 pass (repro 06)', () => {
    const build = (serviceVersion: ecs.FargatePlatformVersion, job: ecs.FargatePlatformVersion) => {
      const app = new App();
      const stack = new Stack(app, 'WinPv');
      const kitCluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
      const task = new FargateTask(stack, 'T', { size: FargateSize.windows(1024, 2048), container: { image: IIS } });
      new WorkerService(stack, 'S', { cluster: kitCluster, task, platformVersion: serviceVersion });
      new ScheduledJob(stack, 'J', { cluster: kitCluster, task, schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)), platformVersion: job });
      return stack;
    };
    expect(() => Template.fromStack(build(ecs.FargatePlatformVersion.VERSION1_4, ecs.FargatePlatformVersion.VERSION1_3)))
      .toThrow(/\[ECS-SV-42\] Service runs Windows task definition .* PlatformVersion 1\.4\.0[\s\S]*\[ECS-SV-42\] Scheduled task runs .* PlatformVersion 1\.3\.0/);
    expect(() => Template.fromStack(build(ecs.FargatePlatformVersion.LATEST, ecs.FargatePlatformVersion.VERSION1_0))).not.toThrow();
  });

  test('a plain aws-cdk-lib FargateService with a Windows task definition and VERSION1_4 is flagged', () => {
    const stack = new Stack(new App(), 'Plain');
    const plainCluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
    const task = new ecs.FargateTaskDefinition(stack, 'Task', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
    });
    task.addContainer('iis', { image: IIS });
    new ecs.FargateService(stack, 'Service', { cluster: plainCluster, taskDefinition: task, platformVersion: ecs.FargatePlatformVersion.VERSION1_4 });
    const model = new AssemblyModel([{ name: 'Plain', template: Template.fromStack(stack).toJSON() }]);
    expect(runRules(model, { rules: [rule] }).map((f) => f.message)).toEqual([expect.stringMatching(/^\[ECS-SV-42\] Service runs Windows task definition/)]);
  });
});
