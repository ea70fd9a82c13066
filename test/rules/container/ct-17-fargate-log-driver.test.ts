import { CT17_FARGATE_LOG_DRIVER as rule } from '../../../src/rules/container/ct-17-fargate-log-driver';
import { check } from '../helpers';
import { ec2TaskWith, taskWith } from '../task/fixtures';

const log = (LogDriver: unknown) => ({ Name: 'app', Image: 'x', Memory: 64, LogConfiguration: { LogDriver } });

describe('ECS-CT-17 Fargate log drivers', () => {
  test('bad: fluentd on Fargate', () => {
    const [f] = check(rule, { T: taskWith([log('fluentd')]) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-17', severity: 'error', property: 'Properties/ContainerDefinitions/0/LogConfiguration/LogDriver', value: '"fluentd"' });
    expect(f.message).toContain("Fargate container 'app' uses log driver fluentd");
    expect(f.message).toContain('allowed: awslogs, splunk, awsfirelens');
  });

  test('good: the three Fargate drivers; any driver on EC2', () => {
    for (const d of ['awslogs', 'splunk', 'awsfirelens']) expect(check(rule, { T: taskWith([log(d)]) })).toHaveLength(0);
    expect(check(rule, { T: ec2TaskWith([log('journald')]) })).toHaveLength(0);
  });

  test('skipped: unresolved driver', () => {
    expect(check(rule, { T: taskWith([log({ Ref: 'Driver' })]) })).toHaveLength(0);
  });
});
