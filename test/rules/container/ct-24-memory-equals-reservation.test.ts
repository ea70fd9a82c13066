import { CT24_MEMORY_EQUALS_RESERVATION as rule } from '../../../src/rules/container/ct-24-memory-equals-reservation';
import { check } from '../helpers';
import { ec2TaskWith } from '../task/fixtures';

const mem = (Memory: unknown, MemoryReservation: unknown) => ec2TaskWith([{ Name: 'app', Image: 'x', Memory, MemoryReservation }]);

describe('ECS-CT-24 memoryReservation equal to memory', () => {
  test('bad: equal values are a warning', () => {
    const [f] = check(rule, { T: mem(512, '512') });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-24', severity: 'warning', property: 'Properties/ContainerDefinitions/0/MemoryReservation', value: '"512"' });
    expect(f.message).toContain("container 'app' MemoryReservation 512 MiB equals its Memory 512 MiB");
  });

  test('the fix does not suggest raising Memory past the task memory (ECS-TD-18 would reject it)', () => {
    const full = ec2TaskWith([{ Name: 'app', Image: 'x', Memory: 2048, MemoryReservation: 2048 }], { Memory: '2048' });
    expect(check(rule, { T: full })[0].message).toContain("Remove the MemoryReservation of container 'app', or lower it below 2048 MiB: its Memory already takes the task's 2048 MiB.");
    const room = ec2TaskWith([{ Name: 'app', Image: 'x', Memory: 1024, MemoryReservation: 1024 }], { Memory: '2 GB' });
    expect(check(rule, { T: room })[0].message).toContain("Raise the Memory of container 'app' above 1024 MiB for headroom");
  });

  test('good: reservation below the hard limit', () => {
    expect(check(rule, { T: mem(1024, 512) })).toHaveLength(0);
  });

  test('skipped: unresolved values', () => {
    expect(check(rule, { T: mem({ Ref: 'M' }, { Ref: 'M' }) })).toHaveLength(0);
  });
});
