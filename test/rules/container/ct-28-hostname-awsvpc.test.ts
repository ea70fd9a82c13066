import { CT28_HOSTNAME_AWSVPC as rule } from '../../../src/rules/container/ct-28-hostname-awsvpc';
import { check } from '../helpers';
import { ec2TaskWith, taskWith } from '../task/fixtures';

const app = { Name: 'app', Image: 'x', Hostname: 'web' };

describe('ECS-CT-28 no container hostname in awsvpc mode', () => {
  test('bad: Hostname in a Fargate (awsvpc) task and in an EC2 awsvpc task', () => {
    const [f, ...rest] = check(rule, { T: taskWith([app, { Name: 'side', Image: 'y' }]) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-28', severity: 'error', property: 'Properties/ContainerDefinitions/0/Hostname' });
    expect(f.message).toBe("[ECS-CT-28] container 'app' sets Hostname \"web\" in awsvpc network mode at TestStack/T; "
      + 'allowed: no Hostname in awsvpc mode (bridge and host tasks may set one). Remove Hostname; reach the task by its network interface address, '
      + 'Service Connect or a service discovery name.');
    expect(check(rule, { T: ec2TaskWith([app], { NetworkMode: 'awsvpc' }) })).toHaveLength(1);
  });

  test('good: bridge (the default) and host tasks, no Hostname, or an unresolved network mode', () => {
    expect(check(rule, { T: ec2TaskWith([app]) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([app], { NetworkMode: 'host' }) })).toEqual([]);
    expect(check(rule, { T: taskWith([{ Name: 'app', Image: 'x' }]) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([app], { NetworkMode: { Ref: 'Mode' } }) })).toEqual([]);
  });
});
