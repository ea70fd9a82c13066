/** ECS-SV-32: "Windows containers on Fargate don't support the Fargate Spot capacity provider" (Fargate capacity providers). */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { cluster, item, service } from './fixtures';
import { EcsCluster, FargateCapacity, FargateSize, FargateTask, ScheduledJob } from '../../../src';
import { SV32_WINDOWS_FARGATE_SPOT as rule } from '../../../src/rules/service/sv-32-windows-fargate-spot';
import { check, fargateTask, Resources } from '../helpers';

const windows = fargateTask({ Cpu: '1024', Memory: '2048', RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', CpuArchitecture: 'X86_64' } });
const linux = fargateTask();
const withStrategy = (task: Resources[string], ...items: unknown[]): Resources =>
  ({ Cluster: cluster(), Task: task, S: service({ CapacityProviderStrategy: items }) });

describe('ECS-SV-32 Windows tasks on Fargate Spot', () => {
  test('bad: FARGATE_SPOT with a weight, or only a base, for a Windows task', () => {
    const [f] = check(rule, withStrategy(windows, item('FARGATE', 1, 1), item('FARGATE_SPOT', 3)));
    expect(f).toMatchObject({ ruleId: 'ECS-SV-32', severity: 'error', property: 'Properties/CapacityProviderStrategy/1/CapacityProvider' });
    expect(f.message).toBe('[ECS-SV-32] Service runs Windows task definition TestStack/Task (WINDOWS_SERVER_2022_CORE) with FARGATE_SPOT in its capacity provider '
      + 'strategy (weight 3, base 0) at TestStack/S; allowed: Windows tasks on FARGATE; FARGATE_SPOT for Linux tasks only. '
      + 'Remove FARGATE_SPOT from the strategy (FargateCapacity.onDemand() on a kit service), or run the workload as a Linux task.');
    expect(check(rule, withStrategy(windows, item('FARGATE_SPOT', 0, 1)))).toHaveLength(1);
  });

  test('good: Windows on FARGATE, a FARGATE_SPOT item of weight 0 and base 0, Linux on Spot', () => {
    expect(check(rule, withStrategy(windows, item('FARGATE', 1)))).toEqual([]);
    expect(check(rule, withStrategy(windows, item('FARGATE', 1), item('FARGATE_SPOT', 0)))).toEqual([]);
    expect(check(rule, withStrategy(linux, item('FARGATE_SPOT', 1)))).toEqual([]);
  });

  test('skipped: unresolved operating system family or Spot weight', () => {
    const unknownOs = fargateTask({ RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } });
    expect(check(rule, withStrategy(unknownOs, item('FARGATE_SPOT', 1)))).toEqual([]);
    expect(check(rule, withStrategy(windows, item('FARGATE_SPOT', { Ref: 'W' })))).toEqual([]);
  });
});

describe('ECS-SV-32 on scheduled tasks (found by a batch-jobs user trial)', () => {
  const schedule = (items: unknown[]) => ({
    Type: 'AWS::Scheduler::Schedule',
    Properties: {
      ScheduleExpression: 'rate(1 hour)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, RoleArn: 'arn:aws:iam::111111111111:role/s', EcsParameters: { TaskDefinitionArn: { Ref: 'Task' }, CapacityProviderStrategy: items } },
    },
  });
  const eventsRule = (items: unknown[]) => ({
    Type: 'AWS::Events::Rule',
    Properties: {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [{ Id: 'job', Arn: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, EcsParameters: { TaskDefinitionArn: { Ref: 'Task' }, CapacityProviderStrategy: items } }],
    },
  });
  test('bad: a schedule or rule runs a Windows task with FARGATE_SPOT', () => {
    const [f] = check(rule, { Cluster: cluster(), Task: windows, J: schedule([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-32', property: 'Properties/Target/EcsParameters/CapacityProviderStrategy/0/CapacityProvider' });
    expect(f.message).toContain('Scheduled task runs Windows task definition TestStack/Task (WINDOWS_SERVER_2022_CORE) with FARGATE_SPOT');
    expect(f.message).toContain('FargateCapacity.onDemand() on a kit ScheduledJob');
    expect(check(rule, { Cluster: cluster(), Task: windows, R: eventsRule([{ CapacityProvider: 'FARGATE', Base: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 2 }]) })
      .map((x) => x.property)).toEqual(['Properties/Targets/0/EcsParameters/CapacityProviderStrategy/1/CapacityProvider']);
  });
  test('good: Windows on FARGATE, Linux on FARGATE_SPOT; skipped: an unresolved weight', () => {
    expect(check(rule, { Cluster: cluster(), Task: windows, J: schedule([{ CapacityProvider: 'FARGATE', Weight: 1 }]) })).toEqual([]);
    expect(check(rule, { Cluster: cluster(), Task: linux, J: schedule([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]) })).toEqual([]);
    expect(check(rule, { Cluster: cluster(), Task: windows, J: schedule([{ CapacityProvider: 'FARGATE_SPOT', Weight: { Ref: 'W' } }]) })).toEqual([]);
  });
  test('the kit\'s ScheduledJob with a Windows task on Fargate Spot fails synth', () => {
    const stack = new Stack(new App(), 'Jobs');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const kitCluster = new EcsCluster(stack, 'Cluster', { vpc });
    const task = new FargateTask(stack, 'Task', {
      size: FargateSize.windows(1024, 2048),
      operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
      container: { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore:ltsc2022') },
    });
    new ScheduledJob(stack, 'Job', {
      cluster: kitCluster,
      task,
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      fargateCapacity: FargateCapacity.spotWithOnDemandBase({ onDemandBase: 0 }),
    });
    expect(() => Template.fromStack(stack)).toThrow(/\[ECS-SV-32\] Scheduled task runs Windows task definition/);
  });
});

