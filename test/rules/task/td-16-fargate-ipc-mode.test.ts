import { TD16_FARGATE_IPC_MODE as rule } from '../../../src/rules/task/td-16-fargate-ipc-mode';
import { check, fargateTask } from '../helpers';

describe('ECS-TD-16 no IpcMode on Fargate', () => {
  test('bad: IpcMode task on a Fargate task definition', () => {
    const [f] = check(rule, { T: fargateTask({ IpcMode: 'task' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-16', severity: 'error', property: 'Properties/IpcMode', value: '"task"' });
    expect(f.message).toContain('Fargate task definition sets IpcMode task at TestStack/T; allowed: no IpcMode on Fargate');
  });

  test('good: IpcMode on EC2, none on Fargate', () => {
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], IpcMode: 'host' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask() })).toHaveLength(0);
  });

  test('skipped: unresolved IpcMode (Fn::If may remove it)', () => {
    expect(check(rule, { T: fargateTask({ IpcMode: { 'Fn::If': ['C', 'host', { Ref: 'AWS::NoValue' }] } }) })).toHaveLength(0);
  });
});
