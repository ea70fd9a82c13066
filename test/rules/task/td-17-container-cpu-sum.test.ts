import * as fc from 'fast-check';
import { TD17_CONTAINER_CPU_SUM as rule } from '../../../src/rules/task/td-17-container-cpu-sum';
import { check } from '../helpers';
import { ec2TaskWith, taskWith, TOKEN } from './fixtures';

const task = (cpus: unknown[], Cpu: unknown = '512') => taskWith(cpus.map((c, i) => ({ Name: `c${i}`, Image: 'x', Cpu: c })), { Cpu, Memory: '1024' });

describe('ECS-TD-17 container cpu fits the task cpu', () => {
  test('bad: 300 + 300 in a 512 task (L1 template)', () => {
    const [f] = check(rule, { T: task([300, 300]) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-17', severity: 'error', property: 'Properties/ContainerDefinitions', value: '600' });
    expect(f.message).toContain("container Cpu values add up to 600 (container 'c0' 300, container 'c1' 300), more than task Cpu 512");
    expect(f.message).toContain('by 88 units');
  });

  test('good: equal to the task cpu, containers without cpu, no task cpu', () => {
    expect(check(rule, { T: task([256, 256]) })).toHaveLength(0);
    expect(check(rule, { T: task([undefined, 512]) })).toHaveLength(0);
    expect(check(rule, { T: ec2TaskWith([{ Name: 'a', Image: 'x', Cpu: 4096, Memory: 512 }]) })).toHaveLength(0);
  });

  test('silent on a task cpu of 0 or less (ECS-TD-01 reports it), with or without container cpu', () => {
    expect(check(rule, { T: task([undefined], '-256') })).toHaveLength(0);
    expect(check(rule, { T: task([128], '0') })).toHaveLength(0);
  });

  test('skipped: an unresolved container or task cpu', () => {
    expect(check(rule, { T: task([TOKEN, 600]) })).toHaveLength(0);
    expect(check(rule, { T: task([600], { Ref: 'Cpu' }) })).toHaveLength(0);
  });

  test('property: flags exactly the sums over the task cpu', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1024 }), { minLength: 1, maxLength: 5 }), (cpus) => {
      const sum = cpus.reduce((a, b) => a + b, 0);
      return check(rule, { T: task(cpus, '1 vCPU') }).length === (sum > 1024 ? 1 : 0);
    }));
  });
});
