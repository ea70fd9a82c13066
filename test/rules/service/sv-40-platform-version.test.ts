/** ECS-SV-40: "A platform version is specified only for tasks using the Fargate launch type" (API_CreateService). */
import { cluster, service } from './fixtures';
import { SV40_PLATFORM_VERSION_FARGATE_ONLY as rule } from '../../../src/rules/service/sv-40-platform-version-fargate-only';
import { check, Resources } from '../helpers';

const ec2Task: Resources[string] = {
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 512 }] },
};
const withService = (props: Record<string, unknown>): Resources => ({ Cluster: cluster(), Task: ec2Task, S: service(props) });

describe('ECS-SV-40 PlatformVersion on EC2 and EXTERNAL services', () => {
  test('bad: PlatformVersion with LaunchType EC2 or EXTERNAL', () => {
    const [f] = check(rule, withService({ LaunchType: 'EC2', PlatformVersion: 'LATEST' }));
    expect(f).toMatchObject({ ruleId: 'ECS-SV-40', severity: 'error', property: 'Properties/PlatformVersion', value: '"LATEST"' });
    expect(f.message).toBe('[ECS-SV-40] PlatformVersion LATEST on a service with LaunchType EC2 at TestStack/S; allowed: PlatformVersion only '
      + 'with LaunchType FARGATE (or a Fargate capacity provider strategy); omitted for EC2 and EXTERNAL. Remove PlatformVersion from the service '
      + '(in a template, delete the property; the container instances\' ECS agent decides what the tasks run on).');
    expect(check(rule, withService({ LaunchType: 'EXTERNAL', PlatformVersion: '1.4.0' }))).toHaveLength(1);
  });

  test('good: Fargate, no PlatformVersion, or a capacity provider strategy', () => {
    expect(check(rule, withService({ LaunchType: 'FARGATE', PlatformVersion: '1.4.0' }))).toEqual([]);
    expect(check(rule, withService({ LaunchType: 'EC2' }))).toEqual([]);
    expect(check(rule, withService({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }], PlatformVersion: 'LATEST' }))).toEqual([]);
  });

  test('skipped: an unresolved launch type, or a PlatformVersion that is AWS::NoValue', () => {
    expect(check(rule, withService({ LaunchType: { Ref: 'LaunchType' }, PlatformVersion: 'LATEST' }))).toEqual([]);
    const maybe = { 'Fn::If': ['OnFargate', 'LATEST', { Ref: 'AWS::NoValue' }] };
    expect(check(rule, withService({ LaunchType: 'EC2', PlatformVersion: maybe }))).toEqual([]);
  });
});
