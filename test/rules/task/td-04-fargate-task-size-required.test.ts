import { TD04_FARGATE_TASK_SIZE_REQUIRED as rule } from '../../../src/rules/task/td-04-fargate-task-size-required';
import { check, fargateTask } from '../helpers';

describe('ECS-TD-04 Fargate needs task cpu and memory', () => {
  test('bad: L1 Fargate task definition without Cpu and Memory', () => {
    const findings = check(rule, { T: fargateTask({ Cpu: undefined, Memory: undefined }) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-TD-04', 'error', 'Properties/Cpu'],
      ['ECS-TD-04', 'error', 'Properties/Memory'],
    ]);
    expect(findings[1].message).toContain('Fargate task definition has no task-level Memory');
  });

  test('good: both set, or an EC2 task definition without them', () => {
    expect(check(rule, { T: fargateTask() })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], Cpu: undefined, Memory: undefined }) })).toHaveLength(0);
  });

  test('skipped: unresolved values count as set, unresolved compatibilities are not judged', () => {
    expect(check(rule, { T: fargateTask({ Cpu: { Ref: 'Cpu' }, Memory: { Ref: 'Mem' } }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: { Ref: 'Compat' }, Cpu: undefined }) })).toHaveLength(0);
  });
});
