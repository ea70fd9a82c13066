import * as fc from 'fast-check';
import { CT03_MINIMUM_CONTAINER_MEMORY as rule } from '../../../src/rules/container/ct-03-minimum-container-memory';
import { check } from '../helpers';
import { ec2TaskWith, TOKEN } from '../task/fixtures';

const mem = (c: Record<string, unknown>) => ec2TaskWith([{ Name: 'tiny', Image: 'x', ...c }]);

describe('ECS-CT-03 at least 6 MiB', () => {
  test('bad: 4 MiB hard limit and reservation', () => {
    const findings = check(rule, { T: mem({ Memory: 4, MemoryReservation: 4 }) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-CT-03', 'error', 'Properties/ContainerDefinitions/0/Memory'],
      ['ECS-CT-03', 'error', 'Properties/ContainerDefinitions/0/MemoryReservation'],
    ]);
    expect(findings[0].message).toContain("container 'tiny' Memory 4 MiB is below the Docker minimum");
  });

  test('good: 6 MiB', () => {
    expect(check(rule, { T: mem({ Memory: 6 }) })).toHaveLength(0);
  });

  test('skipped: unresolved', () => {
    expect(check(rule, { T: mem({ Memory: TOKEN }) })).toHaveLength(0);
  });

  test('property: the boundary is 6 MiB', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 64 }), (n) => check(rule, { T: mem({ Memory: n }) }).length === (n < 6 ? 1 : 0)));
  });
});
