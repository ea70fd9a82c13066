import { TD15_FARGATE_PID_MODE as td15 } from '../../../src/rules/task/td-15-fargate-pid-mode';
import { TD24_CONFIGURED_AT_LAUNCH_VOLUME as td24 } from '../../../src/rules/task/td-24-configured-at-launch-volume';
import { TD25_FAULT_INJECTION_NETWORK_MODE as td25 } from '../../../src/rules/task/td-25-fault-injection-network-mode';
import { TD26_MANAGED_INSTANCES_LIMITS as td26 } from '../../../src/rules/task/td-26-managed-instances-limits';
import { check, fargateTask } from '../helpers';
import { ec2TaskWith, TOKEN, WINDOWS } from './fixtures';

const LINUX = { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' };

describe('ECS-TD-15 pid mode on Fargate', () => {
  test('bad: host; task on Windows', () => {
    const [f] = check(td15, { T: fargateTask({ PidMode: 'host', RuntimePlatform: LINUX }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-15', property: 'Properties/PidMode' });
    expect(f.message).toContain('Fargate task definition PidMode host');
    expect(check(td15, { T: fargateTask({ PidMode: 'task', RuntimePlatform: WINDOWS, Cpu: '1024', Memory: '2048' }) })[0].message).toContain('Windows');
  });
  test('good: task on Linux, with or without RuntimePlatform (a Fargate task without one is Linux); host on EC2', () => {
    expect(check(td15, { T: fargateTask({ PidMode: 'task' }) })).toEqual([]);
    expect(check(td15, { T: fargateTask({ PidMode: 'task', RuntimePlatform: LINUX }) })).toEqual([]);
    expect(check(td15, { T: ec2TaskWith([{ Name: 'a', Image: 'x', Memory: 64 }], { PidMode: 'host' }) })).toEqual([]);
  });
  test('skipped: token pid mode or runtime platform', () => {
    expect(check(td15, { T: fargateTask({ PidMode: TOKEN }) })).toEqual([]);
    expect(check(td15, { T: fargateTask({ PidMode: 'task', RuntimePlatform: { Ref: 'Rp' } }) })).toEqual([]);
  });
});

describe('ECS-TD-24 configured-at-launch volumes', () => {
  test('bad: two volumes; one with EFS configuration', () => {
    const [f] = check(td24, { T: fargateTask({ Volumes: [{ Name: 'a', ConfiguredAtLaunch: true }, { Name: 'b', ConfiguredAtLaunch: true }] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-24', property: 'Properties/Volumes/1/ConfiguredAtLaunch' });
    const [g] = check(td24, { T: fargateTask({ Volumes: [{ Name: 'a', ConfiguredAtLaunch: true, EFSVolumeConfiguration: { FilesystemId: 'fs-1' } }] }) });
    expect(g.message).toContain('volume a is ConfiguredAtLaunch and also sets EFSVolumeConfiguration');
  });
  test('good: one plain volume at launch plus an ordinary EFS volume', () => {
    expect(check(td24, { T: fargateTask({ Volumes: [{ Name: 'a', ConfiguredAtLaunch: true }, { Name: 'b', EFSVolumeConfiguration: { FilesystemId: 'fs-1' } }] }) })).toEqual([]);
  });
  test('skipped: token flag', () => {
    expect(check(td24, { T: fargateTask({ Volumes: [{ Name: 'a', ConfiguredAtLaunch: TOKEN }, { Name: 'b', ConfiguredAtLaunch: true }] }) })).toEqual([]);
  });
});

describe('ECS-TD-25 fault injection network mode', () => {
  test('bad: bridge', () => {
    const [f] = check(td25, { T: ec2TaskWith([{ Name: 'a', Image: 'x', Memory: 64 }], { EnableFaultInjection: true }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-25', property: 'Properties/EnableFaultInjection' });
  });
  test('good: awsvpc, host, or off', () => {
    expect(check(td25, { T: fargateTask({ EnableFaultInjection: true }) })).toEqual([]);
    expect(check(td25, { T: ec2TaskWith([], { NetworkMode: 'host', EnableFaultInjection: 'true' }) })).toEqual([]);
    expect(check(td25, { T: ec2TaskWith([], { EnableFaultInjection: false }) })).toEqual([]);
  });
  test('skipped: token flag', () => expect(check(td25, { T: ec2TaskWith([], { EnableFaultInjection: TOKEN }) })).toEqual([]));
});

describe('ECS-TD-26 Managed Instances limits', () => {
  const mi = (props: Record<string, unknown>) => ec2TaskWith([{ Name: 'a', Image: 'x', Memory: 64 }], { RequiresCompatibilities: ['MANAGED_INSTANCES'], NetworkMode: 'awsvpc', ...props });
  test('bad: ephemeral storage, ipc mode, Windows', () => {
    const findings = check(td26, { T: mi({ EphemeralStorage: { SizeInGiB: 50 }, IpcMode: 'task', RuntimePlatform: WINDOWS }) });
    expect(findings.map((f) => f.property)).toEqual(['Properties/EphemeralStorage', 'Properties/IpcMode', 'Properties/RuntimePlatform/OperatingSystemFamily']);
  });
  test('good: plain MI task; EC2 task with these settings', () => {
    expect(check(td26, { T: mi({}) })).toEqual([]);
    expect(check(td26, { T: ec2TaskWith([], { IpcMode: 'host' }) })).toEqual([]);
  });
  test('skipped: token compatibilities', () => expect(check(td26, { T: mi({ RequiresCompatibilities: TOKEN, IpcMode: 'task' }) })).toEqual([]));
});
