import { CT02_MEMORY_BELOW_RESERVATION as rule } from '../../../src/rules/container/ct-02-memory-below-reservation';
import { check } from '../helpers';
import { ec2TaskWith, TOKEN } from '../task/fixtures';

const mem = (Memory: unknown, MemoryReservation: unknown) => ec2TaskWith([{ Name: 'app', Image: 'x', Memory, MemoryReservation }]);

describe('ECS-CT-02 memory below memoryReservation', () => {
  test('bad: hard limit below the reservation (escape hatch)', () => {
    const [f] = check(rule, { T: mem(256, 512) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-02', severity: 'error', property: 'Properties/ContainerDefinitions/0/Memory', value: '256' });
    expect(f.message).toContain("container 'app' Memory 256 MiB is less than its MemoryReservation 512 MiB");
  });

  test('good: greater or equal (equal is ECS-CT-24), or only one set', () => {
    expect(check(rule, { T: mem(1024, 512) })).toHaveLength(0);
    expect(check(rule, { T: mem(512, 512) })).toHaveLength(0);
    expect(check(rule, { T: mem(undefined, 512) })).toHaveLength(0);
  });

  test('skipped: unresolved values', () => {
    expect(check(rule, { T: mem(TOKEN, 512) })).toHaveLength(0);
  });
});
