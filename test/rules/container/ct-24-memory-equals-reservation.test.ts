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

  test('good: reservation below the hard limit', () => {
    expect(check(rule, { T: mem(1024, 512) })).toHaveLength(0);
  });

  test('skipped: unresolved values', () => {
    expect(check(rule, { T: mem({ Ref: 'M' }, { Ref: 'M' }) })).toHaveLength(0);
  });
});
