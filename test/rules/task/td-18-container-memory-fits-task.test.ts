import { TD18_CONTAINER_MEMORY_FITS_TASK as rule } from '../../../src/rules/task/td-18-container-memory-fits-task';
import { check } from '../helpers';
import { taskWith } from './fixtures';

const task = (containers: Record<string, unknown>[], Memory: unknown = '1024') =>
  taskWith(containers.map((c, i) => ({ Name: `c${i}`, Image: 'x', ...c })), { Cpu: '512', Memory });

describe('ECS-TD-18 container memory fits the task memory', () => {
  test('bad: one container hard limit above the task memory', () => {
    const findings = check(rule, { T: task([{ Memory: 2048 }]) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-TD-18', severity: 'error', property: 'Properties/ContainerDefinitions/0/Memory', value: '2048' });
    expect(findings[0].message).toContain("container 'c0' Memory 2048 MiB is more than task Memory 1024 MiB");
  });

  test('bad: reservations (or hard limits without one) add up to more than the task memory', () => {
    const [f] = check(rule, { T: task([{ MemoryReservation: 600, Memory: 1024 }, { Memory: 512 }], '1 GB') });
    expect(f.property).toBe('Properties/ContainerDefinitions');
    expect(f.message).toContain("containers reserve 1112 MiB in all (container 'c0' 600, container 'c1' 512), more than task Memory 1024 MiB");
  });

  test('good: sum equal to the task memory; hard limits may overlap when reservations fit', () => {
    expect(check(rule, { T: task([{ Memory: 512 }, { Memory: 512 }]) })).toHaveLength(0);
    expect(check(rule, { T: task([{ Memory: 1024, MemoryReservation: 256 }, { Memory: 1024, MemoryReservation: 256 }]) })).toHaveLength(0);
    expect(check(rule, { T: task([{}]) })).toHaveLength(0);
  });

  test('skipped: unresolved task memory or container values', () => {
    expect(check(rule, { T: task([{ Memory: 2048 }], { Ref: 'Mem' }) })).toHaveLength(0);
    expect(check(rule, { T: task([{ MemoryReservation: { Ref: 'R' } }, { MemoryReservation: 900 }, { MemoryReservation: 900 }]) })).toHaveLength(0);
  });
});
