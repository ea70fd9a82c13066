/** ECS-TD-29: task cpu outside Fargate must be 128 to 196,608 CPU units. */
import * as fc from 'fast-check';
import { MAX_TASK_CPU, MIN_TASK_CPU, TD29_EC2_TASK_CPU_RANGE } from '../../../src/rules/task/td-29-ec2-task-cpu-range';
import { check } from '../helpers';

const task = (props: Record<string, unknown>) => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Memory: 512 }], ...props },
});
const messages = (props: Record<string, unknown>) => check(TD29_EC2_TASK_CPU_RANGE, { Task: task(props) }).map((f) => f.message);

describe('ECS-TD-29 task cpu range on EC2, external and Managed Instances', () => {
  test('bad: below 128 or above 196608, in units or vCPU', () => {
    expect(messages({ Cpu: '3', RequiresCompatibilities: ['MANAGED_INSTANCES'] })).toEqual([
      '[ECS-TD-29] task cpu 3 is outside what ECS accepts for a task definition that does not require FARGATE at TestStack/Task; '
      + 'allowed: 128 to 196608 CPU units (0.125 to 192 vCPU). Use cpu 128 or more (1024 = 1 vCPU).',
    ]);
    expect(messages({ Cpu: '256 vCPU', RequiresCompatibilities: ['EC2'] })[0]).toContain('task cpu 262144 is outside');
    expect(messages({ Cpu: 64 })).toHaveLength(1);
  });

  test('good: the whole range, Fargate and Windows tasks, unset or unresolved cpu', () => {
    fc.assert(fc.property(fc.integer({ min: MIN_TASK_CPU, max: MAX_TASK_CPU }), (cpu) => {
      expect(messages({ Cpu: String(cpu), RequiresCompatibilities: ['EC2'] })).toEqual([]);
    }));
    const outside = fc.oneof(fc.integer({ min: 1, max: MIN_TASK_CPU - 1 }), fc.integer({ min: MAX_TASK_CPU + 1, max: 10 * MAX_TASK_CPU }));
    fc.assert(fc.property(outside, (cpu) => {
      expect(messages({ Cpu: cpu, RequiresCompatibilities: ['EXTERNAL'] })).toHaveLength(1);
    }));
    expect(messages({ Cpu: '64', RequiresCompatibilities: ['EC2', 'FARGATE'] })).toEqual([]);
    expect(messages({ Cpu: '64', RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } })).toEqual([]);
    expect(messages({})).toEqual([]);
    expect(messages({ Cpu: { Ref: 'CpuParam' } })).toEqual([]);
    expect(messages({ Cpu: '64', RequiresCompatibilities: [{ Ref: 'Compat' }] })).toEqual([]);
  });
});
