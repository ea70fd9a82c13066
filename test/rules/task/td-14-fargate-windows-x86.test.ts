import { TD14_FARGATE_WINDOWS_X86 as rule } from '../../../src/rules/task/td-14-fargate-windows-x86';
import { check, fargateTask } from '../helpers';

const platform = (CpuArchitecture: unknown, OperatingSystemFamily: unknown = 'WINDOWS_SERVER_2019_FULL') =>
  fargateTask({ Cpu: '1024', Memory: '2048', RuntimePlatform: { OperatingSystemFamily, CpuArchitecture } });

describe('ECS-TD-14 Windows on Fargate is X86_64 only', () => {
  test('bad: Windows with ARM64', () => {
    const [f] = check(rule, { T: platform('ARM64') });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-14', severity: 'error', property: 'Properties/RuntimePlatform/CpuArchitecture', value: '"ARM64"' });
    expect(f.message).toContain('uses CpuArchitecture ARM64 with WINDOWS_SERVER_2019_FULL at TestStack/T; allowed: X86_64');
  });

  test('good: Windows X86_64, Linux ARM64', () => {
    expect(check(rule, { T: platform('X86_64') })).toHaveLength(0);
    expect(check(rule, { T: platform('ARM64', 'LINUX') })).toHaveLength(0);
  });

  test('skipped: unresolved architecture or family', () => {
    expect(check(rule, { T: platform({ Ref: 'Arch' }) })).toHaveLength(0);
    expect(check(rule, { T: platform('ARM64', { Ref: 'Os' }) })).toHaveLength(0);
  });
});
