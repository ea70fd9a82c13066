import * as fc from 'fast-check';
import { FARGATE_WINDOWS_SIZES, memoryValues } from '../../../src/rules/tables/fargate-sizes';
import { TD02_FARGATE_WINDOWS_SIZE as rule } from '../../../src/rules/task/td-02-fargate-windows-size';
import { check, fargateTask } from '../helpers';
import { TOKEN, WINDOWS } from './fixtures';

const win = (Cpu: unknown, Memory: unknown) => fargateTask({ Cpu, Memory, RuntimePlatform: WINDOWS });
const VALID = FARGATE_WINDOWS_SIZES.flatMap((r) => memoryValues(r).map((m) => `${r.cpu}/${m}`));

describe('ECS-TD-02 Windows Fargate size', () => {
  test('bad: 1 vCPU with 1 GB, which aws-cdk-lib accepts and AWS rejects', () => {
    const [f, ...rest] = check(rule, { T: win('1024', '1024') });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-TD-02', severity: 'error', property: 'Properties/Memory', value: '"1024"' });
    expect(f.message).toContain('Windows Fargate task cpu 1024 does not allow memory 1024 MiB');
    expect(f.message).toContain('allowed: 2048-8192 MiB in 1024 MiB steps');
    expect(f.message).toContain('Use memory 2048 MiB or more');
  });

  test('bad: cpu below 1 vCPU is no Windows size', () => {
    const [f] = check(rule, { T: win('512', '1024') });
    expect(f.property).toBe('Properties/Cpu');
    expect(f.message).toContain('allowed: 1024, 2048, 4096');
  });

  test('good: valid Windows sizes and Linux tasks are left alone', () => {
    expect(check(rule, { T: win('1 vCPU', '2 GB') })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ Cpu: '512', Memory: '1024' }) })).toHaveLength(0);
  });

  test('skipped: unresolved values, unresolved platform, EC2 task definitions', () => {
    expect(check(rule, { T: win(TOKEN, '1024') })).toHaveLength(0);
    expect(check(rule, { T: win('1024', { Ref: 'Mem' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ Cpu: '512', Memory: '1024', RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], Cpu: '512', Memory: '1024', RuntimePlatform: WINDOWS }) })).toHaveLength(0);
  });

  test('property: exactly the Windows table passes', () => {
    fc.assert(fc.property(
      fc.constantFrom(256, 512, 1024, 2048, 4096, 8192),
      fc.integer({ min: 512, max: 32768 }),
      (cpu, mem) => check(rule, { T: win(cpu, mem) }).length === (VALID.includes(`${cpu}/${mem}`) ? 0 : 1),
    ));
  });
});
