/** ECS-SV-32: "Windows containers on Fargate don't support the Fargate Spot capacity provider" (Fargate capacity providers). */
import { cluster, item, service } from './fixtures';
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
