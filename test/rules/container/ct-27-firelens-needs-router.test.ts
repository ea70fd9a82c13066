import { CT27_FIRELENS_NEEDS_ROUTER as rule } from '../../../src/rules/container/ct-27-firelens-needs-router';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const app = { Name: 'app', Image: 'x', LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'cloudwatch_logs' } } };
const router = { Name: 'log_router', Image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', FirelensConfiguration: { Type: 'fluentbit' } };

describe('ECS-CT-27 the awsfirelens log driver needs a log router', () => {
  test('bad: a container on awsfirelens and no container with FirelensConfiguration', () => {
    const [f, ...rest] = check(rule, { T: taskWith([app, { ...router, FirelensConfiguration: undefined }]) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-27', severity: 'error', property: 'Properties/ContainerDefinitions/0/LogConfiguration/LogDriver' });
    expect(f.message).toContain('container \'app\' logs with the awsfirelens driver, but no container of the task definition has a FirelensConfiguration at TestStack/T');
  });

  test('good: with a router; another driver; skipped: an unresolved container list', () => {
    expect(check(rule, { T: taskWith([app, router]) })).toEqual([]);
    expect(check(rule, { T: taskWith([{ ...app, LogConfiguration: { LogDriver: 'awslogs' } }]) })).toEqual([]);
    expect(check(rule, { T: taskWith([app, { 'Fn::If': ['C', router, { Ref: 'AWS::NoValue' }] }]) })).toEqual([]);
  });
});
