import * as fc from 'fast-check';
import { FARGATE_LINUX_SIZES, memoryValues } from '../../../src/rules/tables/fargate-sizes';
import { TD01_FARGATE_LINUX_SIZE as rule } from '../../../src/rules/task/td-01-fargate-linux-size';
import { check, fargateTask } from '../helpers';

const VALID = FARGATE_LINUX_SIZES.flatMap((r) => memoryValues(r).map((m) => [r.cpu, m] as const));

describe('ECS-TD-01 Fargate Linux size', () => {
  test('bad: cpu 256 with 4096 MiB names path, property, allowed values and fix', () => {
    const findings = check(rule, { TaskDef: fargateTask({ Cpu: '256', Memory: '4096' }) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-TD-01', severity: 'error', property: 'Properties/Memory', value: '"4096"' });
    expect(findings[0].message).toBe(
      '[ECS-TD-01] Fargate task cpu 256 does not allow memory 4096 MiB at TestStack/TaskDef; allowed: 512, 1024, 2048. Use cpu 512, 1024 or 2048 for 4096 MiB, or pick a listed memory value.',
    );
  });

  test('bad: a memory no cpu takes names the next size up', () => {
    expect(check(rule, { T: fargateTask({ Cpu: '512', Memory: '3000' }) })[0].fix)
      .toBe('Pick a listed memory value, e.g. memory 3072 MiB (the next size up); 3000 MiB is not a Fargate memory size for any cpu.');
    expect(check(rule, { T: fargateTask({ Cpu: '512', Memory: '5000' }) })[0].fix)
      .toBe('Pick a listed memory value, e.g. cpu 1024 with memory 5120 MiB (the next size up); 5000 MiB is not a Fargate memory size for any cpu.');
  });

  test('bad: unit strings are read as CloudFormation reads them', () => {
    const [unit] = check(rule, { T: fargateTask({ Cpu: '1 vCPU', Memory: '1 GB' }) });
    // The message shows what the template says as well as the number it means.
    expect(unit.message).toContain('Fargate task cpu 1024 ("1 vCPU") does not allow memory 1024 MiB ("1 GB")');
    expect(check(rule, { T: fargateTask({ Cpu: '0.25 vcpu', Memory: '0.5GB' }) })).toHaveLength(0);
  });

  test('bad: a cpu value that is no Fargate size', () => {
    const [f] = check(rule, { T: fargateTask({ Cpu: 300, Memory: 1024 }) });
    expect(f.property).toBe('Properties/Cpu');
    expect(f.message).toContain('allowed: 256, 512, 1024, 2048, 4096, 8192, 16384');
  });

  test('good: 8 and 16 vCPU sizes in their 4 GB / 8 GB steps', () => {
    expect(check(rule, { T: fargateTask({ Cpu: '8192', Memory: '20480' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ Cpu: '16384', Memory: '40960' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ Cpu: '8192', Memory: '17408' }) })).toHaveLength(1);
  });

  test('skipped: EC2-only task definitions, Windows tasks and unresolved values', () => {
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], Cpu: '256', Memory: '4096' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ Cpu: { Ref: 'CpuParam' }, Memory: '4096' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ Cpu: '256', Memory: { 'Fn::If': ['Big', '4096', '512'] } }) })).toHaveLength(0);
    expect(check(rule, {
      T: fargateTask({ Cpu: '256', Memory: '4096', RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }),
    })).toHaveLength(0);
  });

  test('property: every valid pair passes', () => {
    fc.assert(fc.property(fc.constantFrom(...VALID), ([cpu, mem]) => {
      return check(rule, { T: fargateTask({ Cpu: String(cpu), Memory: String(mem) }) }).length === 0;
    }));
  });

  test('property: random invalid pairs fail', () => {
    const valid = new Set(VALID.map(([c, m]) => `${c}/${m}`));
    fc.assert(fc.property(
      fc.constantFrom(...FARGATE_LINUX_SIZES.map((r) => r.cpu)),
      fc.integer({ min: 1, max: 131072 }),
      (cpu, mem) => {
        fc.pre(!valid.has(`${cpu}/${mem}`));
        return check(rule, { T: fargateTask({ Cpu: cpu, Memory: mem }) }).length === 1;
      },
    ));
  });

  test('property: token values are skipped', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
      const token = `\${Token[TOKEN.${n}]}`;
      return check(rule, { T: fargateTask({ Cpu: token, Memory: '999999' }) }).length === 0
        && check(rule, { T: fargateTask({ Cpu: '256', Memory: token }) }).length === 0;
    }));
  });
});
