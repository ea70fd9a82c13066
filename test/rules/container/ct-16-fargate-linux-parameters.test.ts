import { CT16_FARGATE_LINUX_PARAMETERS as rule } from '../../../src/rules/container/ct-16-fargate-linux-parameters';
import { check } from '../helpers';
import { ec2TaskWith, taskWith } from '../task/fixtures';

const lp = (LinuxParameters: unknown) => taskWith([{ Name: 'app', Image: 'x', LinuxParameters }]);

describe('ECS-CT-16 Fargate linuxParameters', () => {
  test('bad: NET_ADMIN, devices and shared memory', () => {
    const findings = check(rule, { T: lp({ Capabilities: { Add: ['SYS_PTRACE', 'NET_ADMIN'] }, Devices: [{ HostPath: '/dev/fuse' }], SharedMemorySize: 512 }) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-CT-16', 'error', 'Properties/ContainerDefinitions/0/LinuxParameters/Capabilities/Add/1'],
      ['ECS-CT-16', 'error', 'Properties/ContainerDefinitions/0/LinuxParameters/Devices'],
      ['ECS-CT-16', 'error', 'Properties/ContainerDefinitions/0/LinuxParameters/SharedMemorySize'],
    ]);
    expect(findings[0].message).toContain("Fargate container 'app' adds Linux capability NET_ADMIN");
    expect(findings[0].message).toContain('allowed: SYS_PTRACE only');
  });

  test('good: SYS_PTRACE, drops, init process and tmpfs (supported on Fargate since 2026)', () => {
    expect(check(rule, { T: lp({ Capabilities: { Add: ['SYS_PTRACE'], Drop: ['ALL'] }, InitProcessEnabled: true, Tmpfs: [{ ContainerPath: '/tmp', Size: 64 }] }) })).toHaveLength(0);
    expect(check(rule, { T: ec2TaskWith([{ Name: 'app', Image: 'x', Memory: 64, LinuxParameters: { SharedMemorySize: 512 } }]) })).toHaveLength(0);
  });

  test('skipped: unresolved capability', () => {
    expect(check(rule, { T: lp({ Capabilities: { Add: [{ Ref: 'Cap' }] } }) })).toHaveLength(0);
  });
});
