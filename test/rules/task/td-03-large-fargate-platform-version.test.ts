import { TD03_LARGE_FARGATE_PLATFORM_VERSION as rule } from '../../../src/rules/task/td-03-large-fargate-platform-version';
import { assemblyOfStacks, check, checkAssembly, fargateTask } from '../helpers';
import { serviceOf } from './fixtures';

const big = fargateTask({ Cpu: '8192', Memory: '16384' });

describe('ECS-TD-03 8/16 vCPU need platform version 1.4.0', () => {
  test('bad: 8 vCPU task on platform version 1.3.0', () => {
    const [f, ...rest] = check(rule, { Task: big, Svc: serviceOf('Task', { LaunchType: 'FARGATE', PlatformVersion: '1.3.0' }) });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-TD-03', severity: 'error', logicalId: 'Svc', property: 'Properties/PlatformVersion', value: '"1.3.0"' });
    expect(f.message).toContain('Fargate PlatformVersion 1.3.0 cannot run task definition Task with cpu 8192 (8 vCPU)');
    expect(f.message).toContain('allowed: 1.4.0 or LATEST');
  });

  test('bad: the task definition is found through a cross-stack import', () => {
    const findings = checkAssembly(rule, assemblyOfStacks([
      { name: 'A', template: { Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { RequiresCompatibilities: ['FARGATE'], Cpu: '16384', Memory: '32768' } } }, Outputs: { O: { Value: { Ref: 'Task' }, Export: { Name: 'TaskArn' } } } } },
      { name: 'B', template: { Resources: { Svc: serviceOf('x', { TaskDefinition: { 'Fn::ImportValue': 'TaskArn' }, PlatformVersion: '1.2.0' }) } } },
    ]));
    expect(findings.map((f) => [f.ruleId, f.stack])).toEqual([['ECS-TD-03', 'B']]);
  });

  test('good: LATEST, 1.4.0, omitted, or a small task', () => {
    for (const PlatformVersion of ['LATEST', '1.4.0', undefined]) {
      expect(check(rule, { Task: big, Svc: serviceOf('Task', { PlatformVersion }) })).toHaveLength(0);
    }
    expect(check(rule, { Task: fargateTask({ Cpu: '4096', Memory: '8192' }), Svc: serviceOf('Task', { PlatformVersion: '1.3.0' }) })).toHaveLength(0);
  });

  test('skipped: unresolved platform version or task definition', () => {
    expect(check(rule, { Task: big, Svc: serviceOf('Task', { PlatformVersion: { Ref: 'Pv' } }) })).toHaveLength(0);
    expect(check(rule, { Svc: serviceOf('Missing', { PlatformVersion: '1.3.0' }) })).toHaveLength(0);
    expect(check(rule, { Task: fargateTask({ Cpu: { Ref: 'Cpu' } }), Svc: serviceOf('Task', { PlatformVersion: '1.3.0' }) })).toHaveLength(0);
  });
});
