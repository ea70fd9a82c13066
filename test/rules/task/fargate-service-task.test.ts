/**
 * ECS-TD-04, ECS-TD-07 and ECS-CT-17 from the service side: a Fargate service
 * whose task definition does not declare FARGATE (cfn-lint E3054 / E3713).
 */
import { CT17_FARGATE_LOG_DRIVER } from '../../../src/rules/container/ct-17-fargate-log-driver';
import { TD04_FARGATE_TASK_SIZE_REQUIRED } from '../../../src/rules/task/td-04-fargate-task-size-required';
import { TD07_FARGATE_AWSVPC } from '../../../src/rules/task/td-07-fargate-awsvpc';
import { check } from '../helpers';
import { ec2TaskWith, serviceOf, TOKEN } from './fixtures';

const app = { Name: 'app', Image: 'nginx', Memory: 512 };
const undeclared = (props: Record<string, unknown> = {}, containers = [app]) => ec2TaskWith(containers, { NetworkMode: 'awsvpc', Cpu: '256', Memory: '512', ...props });
const fargateService = (props: Record<string, unknown> = {}) => serviceOf('T', { LaunchType: 'FARGATE', ...props });

describe('ECS-TD-07 from a Fargate service (E3054)', () => {
  test('bad: bridge (omitted) task definition run by a Fargate service', () => {
    const [f] = check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: undefined }), S: fargateService() });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-07', logicalId: 'T', property: 'Properties/NetworkMode' });
    expect(f.message).toContain('run by Fargate service TestStack/S has no NetworkMode (ECS uses bridge)');
  });

  test('bad: host mode, Fargate-only capacity provider strategy', () => {
    const findings = check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: 'host' }), S: serviceOf('T', { CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] }) });
    expect(findings).toHaveLength(1);
  });

  test('good: awsvpc without RequiresCompatibilities (ECS computes FARGATE), EC2 service, declared EC2+FARGATE', () => {
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared(), S: fargateService() })).toEqual([]);
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: 'bridge' }), S: fargateService({ LaunchType: 'EC2' }) })).toEqual([]);
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared({ RequiresCompatibilities: ['EC2', 'FARGATE'] }), S: fargateService() })).toEqual([]);
  });

  test('skipped: unresolved launch type, network mode, compatibilities or task reference', () => {
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: undefined }), S: fargateService({ LaunchType: { Ref: 'Lt' } }) })).toEqual([]);
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: TOKEN }), S: fargateService() })).toEqual([]);
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: 'bridge', RequiresCompatibilities: { Ref: 'C' } }), S: fargateService() })).toEqual([]);
    expect(check(TD07_FARGATE_AWSVPC, { T: undeclared({ NetworkMode: 'bridge' }), S: fargateService({ TaskDefinition: { 'Fn::Sub': '${T.Arn}' } }) })).toEqual([]);
  });
});

describe('ECS-TD-04 from a Fargate service', () => {
  test('bad: no task-level Cpu/Memory', () => {
    const findings = check(TD04_FARGATE_TASK_SIZE_REQUIRED, { T: undeclared({ Cpu: undefined, Memory: undefined }), S: fargateService() });
    expect(findings.map((f) => f.property)).toEqual(['Properties/Cpu', 'Properties/Memory']);
    expect(findings[0].message).toContain('run by Fargate service TestStack/S has no task-level Cpu');
  });

  test('good and skipped: sized task; not run on Fargate; token launch type', () => {
    expect(check(TD04_FARGATE_TASK_SIZE_REQUIRED, { T: undeclared(), S: fargateService() })).toEqual([]);
    expect(check(TD04_FARGATE_TASK_SIZE_REQUIRED, { T: undeclared({ Cpu: undefined }), S: fargateService({ LaunchType: 'EC2' }) })).toEqual([]);
    expect(check(TD04_FARGATE_TASK_SIZE_REQUIRED, { T: undeclared({ Cpu: undefined }), S: fargateService({ LaunchType: TOKEN }) })).toEqual([]);
  });
});

describe('ECS-CT-17 from a Fargate service (E3713)', () => {
  const logs = (LogDriver: unknown) => [{ ...app, LogConfiguration: { LogDriver } }];
  test('bad: json-file', () => {
    const [f] = check(CT17_FARGATE_LOG_DRIVER, { T: undeclared({}, logs('json-file')), S: fargateService() });
    expect(f.message).toContain("container 'app' of a task definition run by Fargate service TestStack/S uses log driver json-file");
  });

  test('good: awslogs, splunk, awsfirelens; json-file on EC2', () => {
    for (const d of ['awslogs', 'splunk', 'awsfirelens']) expect(check(CT17_FARGATE_LOG_DRIVER, { T: undeclared({}, logs(d)), S: fargateService() })).toEqual([]);
    expect(check(CT17_FARGATE_LOG_DRIVER, { T: undeclared({}, logs('json-file')), S: fargateService({ LaunchType: 'EC2' }) })).toEqual([]);
  });

  test('skipped: token driver', () => {
    expect(check(CT17_FARGATE_LOG_DRIVER, { T: undeclared({}, logs({ Ref: 'Driver' })), S: fargateService() })).toEqual([]);
  });
});
