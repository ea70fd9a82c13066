import { TD07_FARGATE_AWSVPC as rule } from '../../../src/rules/task/td-07-fargate-awsvpc';
import { check, fargateTask } from '../helpers';

describe('ECS-TD-07 Fargate needs awsvpc', () => {
  test('bad: bridge, and an omitted NetworkMode', () => {
    const [f] = check(rule, { T: fargateTask({ NetworkMode: 'bridge' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-07', severity: 'error', property: 'Properties/NetworkMode', value: '"bridge"' });
    expect(f.message).toContain('NetworkMode bridge is not supported on Fargate at TestStack/T; allowed: awsvpc');
    expect(check(rule, { T: fargateTask({ NetworkMode: undefined }) })[0].message).toContain('has no NetworkMode (ECS uses bridge)');
  });

  test('good: awsvpc, or bridge on EC2', () => {
    expect(check(rule, { T: fargateTask() })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge' }) })).toHaveLength(0);
  });

  test('skipped: unresolved network mode', () => {
    expect(check(rule, { T: fargateTask({ NetworkMode: { Ref: 'Mode' } }) })).toHaveLength(0);
  });
});
