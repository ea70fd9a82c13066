import { CT15_FARGATE_CONTAINER_PARAMETERS as rule } from '../../../src/rules/container/ct-15-fargate-container-parameters';
import { check } from '../helpers';
import { ec2TaskWith, taskWith, WINDOWS } from '../task/fixtures';

const bad = {
  Name: 'app',
  Image: 'x',
  Privileged: true,
  DisableNetworking: 'true',
  DnsServers: ['10.0.0.2'],
  DnsSearchDomains: ['corp'],
  DockerSecurityOptions: ['no-new-privileges'],
  ExtraHosts: [{ Hostname: 'h', IpAddress: '10.0.0.1' }],
  LinuxParameters: { MaxSwap: 0, Swappiness: 10 },
  ResourceRequirements: [{ Type: 'GPU', Value: '1' }],
};

describe('ECS-CT-15 container parameters Fargate does not support', () => {
  test('bad: every unsupported parameter is named', () => {
    const findings = check(rule, { T: taskWith([bad]) });
    expect(findings.every((f) => f.ruleId === 'ECS-CT-15' && f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.property.replace('Properties/ContainerDefinitions/0/', ''))).toEqual([
      'Privileged', 'DisableNetworking', 'DnsServers', 'DnsSearchDomains', 'DockerSecurityOptions', 'ExtraHosts',
      'LinuxParameters/MaxSwap', 'LinuxParameters/Swappiness', 'ResourceRequirements/0/Type',
    ]);
    expect(findings[0].message).toContain("Fargate container 'app' sets Privileged");
  });

  test('a privileged Windows container: the fix is only to remove it, as Windows EC2 rejects it too (ECS-CT-33; Windows trial F9)', () => {
    const windows = taskWith([{ Name: 'app', Image: 'x', Privileged: true, DnsServers: ['10.0.0.2'] }], { RuntimePlatform: WINDOWS });
    const [privileged, dns] = check(rule, { T: windows });
    expect(privileged.message).toBe("[ECS-CT-15] Fargate container 'app' sets Privileged at TestStack/T; allowed: no Privileged on Windows containers, on "
      + "Fargate or EC2. Remove Privileged from container 'app'; Windows containers cannot be privileged on EC2 either (ECS-CT-33).");
    expect(dns.message).toContain('or run the task on EC2.');
    expect(check(rule, { T: taskWith([bad]) })[0].message).toContain('or run the task on EC2.');
  });

  test('good: false flags and empty lists on Fargate; everything on EC2', () => {
    expect(check(rule, { T: taskWith([{ Name: 'app', Image: 'x', Privileged: false, DnsServers: [] }]) })).toHaveLength(0);
    expect(check(rule, { T: ec2TaskWith([bad]) })).toHaveLength(0);
  });

  test('skipped: unresolved values', () => {
    expect(check(rule, { T: taskWith([{ Name: 'app', Image: 'x', Privileged: { Ref: 'P' }, DnsServers: { Ref: 'Dns' } }]) })).toHaveLength(0);
  });
});
