import { CT29_FARGATE_STOP_TIMEOUT as rule } from '../../../src/rules/container/ct-29-fargate-stop-timeout';
import { check } from '../helpers';
import { ec2TaskWith, serviceOf, taskWith, TOKEN } from '../task/fixtures';

const stop = (StopTimeout: unknown, Name = 'app') => ({ Name, Image: 'x', Memory: 64, StopTimeout });

describe('ECS-CT-29 Fargate stopTimeout', () => {
  test('bad: 300 s on a Fargate task definition', () => {
    const [f, ...rest] = check(rule, { T: taskWith([stop(30, 'sidecar'), stop(300)]) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-29', severity: 'warning', property: 'Properties/ContainerDefinitions/1/StopTimeout', value: '300' });
    expect(f.message).toBe("[ECS-CT-29] Fargate container 'app' sets StopTimeout 300 s, above the Fargate maximum of 120 s at TestStack/T; "
      + "allowed: at most 120 seconds on Fargate. Set StopTimeout of container 'app' to 120 or less (ECS stops it after 120 s on Fargate anyway), or run the task on EC2.");
  });

  test('bad: 121 s on an EC2 task definition that a Fargate service runs', () => {
    const [f] = check(rule, { T: ec2TaskWith([stop(121)], { NetworkMode: 'awsvpc', Cpu: '256', Memory: '512' }), S: serviceOf('T', { LaunchType: 'FARGATE' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-29', property: 'Properties/ContainerDefinitions/0/StopTimeout' });
    expect(f.message).toContain("container 'app' of a task definition run by Fargate service TestStack/S sets StopTimeout 121 s, above the Fargate maximum of 120 s");
  });

  test('good: 120 s and less on Fargate; 600 s on EC2', () => {
    expect(check(rule, { T: taskWith([stop(120), stop(2, 'b')]) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([stop(600)]) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([stop(600)]), S: serviceOf('T', { LaunchType: 'EC2' }) })).toEqual([]);
  });

  test('skipped: unresolved StopTimeout or compatibilities', () => {
    expect(check(rule, { T: taskWith([stop({ Ref: 'Seconds' }), stop(TOKEN, 'b')]) })).toEqual([]);
    expect(check(rule, { T: taskWith([stop(300)], { RequiresCompatibilities: { Ref: 'Compat' } }) })).toEqual([]);
  });
});
