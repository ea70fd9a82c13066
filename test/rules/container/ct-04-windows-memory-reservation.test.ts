import { CT04_WINDOWS_MEMORY_RESERVATION as rule } from '../../../src/rules/container/ct-04-windows-memory-reservation';
import { check } from '../helpers';
import { ec2TaskWith, WINDOWS } from '../task/fixtures';

const task = (RuntimePlatform: unknown) => ec2TaskWith([{ Name: 'iis', Image: 'x', MemoryReservation: 2048 }], { RuntimePlatform });

describe('ECS-CT-04 memoryReservation on Windows', () => {
  test('bad: Windows container with a reservation is a warning', () => {
    const [f] = check(rule, { T: task(WINDOWS) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-04', severity: 'warning', property: 'Properties/ContainerDefinitions/0/MemoryReservation', value: '2048' });
    expect(f.message).toContain("Windows container 'iis' sets MemoryReservation");
    expect(f.message).toContain('Replace the MemoryReservation');
  });

  test('good: Linux, or no declared platform', () => {
    expect(check(rule, { T: task({ OperatingSystemFamily: 'LINUX' }) })).toHaveLength(0);
    expect(check(rule, { T: task(undefined) })).toHaveLength(0);
  });

  test('skipped: unresolved operating system family', () => {
    expect(check(rule, { T: task({ OperatingSystemFamily: { Ref: 'Os' } }) })).toHaveLength(0);
  });
});
