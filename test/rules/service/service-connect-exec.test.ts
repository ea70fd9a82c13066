import * as fc from 'fast-check';
import { EX02_EXEC_PLATFORM_VERSION as ex02 } from '../../../src/rules/service/ex-02-exec-platform-version';
import { SC03_DISCOVERY_NAME as sc03 } from '../../../src/rules/service/sc-03-discovery-name';
import { SC04_CLIENT_ALIAS as sc04 } from '../../../src/rules/service/sc-04-client-alias';
import { SC06_TASK_MEMORY as sc06 } from '../../../src/rules/service/sc-06-task-memory';
import { check, fargateTask } from '../helpers';
import { service } from './fixtures';

const sc = (svc: Record<string, unknown>, enabled: unknown = true) => ({
  ServiceConnectConfiguration: { Enabled: enabled, Namespace: 'ns', Services: [{ PortName: 'http', ...svc }] },
});
const ec2Task = (props: Record<string, unknown> = {}) => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge', ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Memory: 256 }], ...props },
});

describe('ECS-SC-03 discoveryName format', () => {
  test('bad: uppercase and too long', () => {
    const [f] = check(sc03, { S: service(sc({ DiscoveryName: 'Orders.API' })) });
    expect(f).toMatchObject({ ruleId: 'ECS-SC-03', severity: 'error', property: 'Properties/ServiceConnectConfiguration/Services/0/DiscoveryName' });
    expect(f.message).toContain('DiscoveryName "Orders.API" contains "O", ".", "A", "P", "I"');
    expect(f.message).toContain('Use "orders-api"');
    expect(check(sc03, { S: service(sc({ DiscoveryName: 'a'.repeat(65) })) })[0].message).toContain('is 65 characters long');
    expect(check(sc03, { S: service(sc({ DiscoveryName: '-api' })) })[0].message).toContain('starts with a hyphen');
  });

  test('good: valid name, disabled config; skipped: token', () => {
    expect(check(sc03, { S: service(sc({ DiscoveryName: 'orders_api-1' })) })).toHaveLength(0);
    expect(check(sc03, { S: service(sc({ DiscoveryName: 'BAD NAME' }, false)) })).toHaveLength(0);
    expect(check(sc03, { S: service(sc({ DiscoveryName: '${Token[TOKEN.3]}' })) })).toHaveLength(0);
    expect(check(sc03, { S: service(sc({ DiscoveryName: 'BAD' }, { Ref: 'On' })) })).toHaveLength(0);
  });

  test('property: names from the allowed alphabet pass', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9_][a-z0-9_-]{0,63}$/), (name) => {
      return check(sc03, { S: service(sc({ DiscoveryName: name })) }).length === 0;
    }));
  });
});

describe('ECS-SC-04 client alias', () => {
  const alias = (a: Record<string, unknown>) => sc({ ClientAliases: [a] });
  test('bad: dnsName with uppercase, and port above 65535', () => {
    const findings = check(sc04, { S: service(alias({ DnsName: 'Orders.Internal', Port: 70000 })) });
    expect(findings.map((f) => f.property)).toEqual([
      'Properties/ServiceConnectConfiguration/Services/0/ClientAliases/0/DnsName',
      'Properties/ServiceConnectConfiguration/Services/0/ClientAliases/0/Port',
    ]);
    expect(findings[0].message).toContain('DnsName "Orders.Internal" contains "O", "I"');
    expect(findings[0].message).toContain('Use "orders.internal"');
    expect(findings[1].message).toContain('allowed: 0 to 65535');
  });

  test('good: dotted lowercase alias; skipped: unresolved values', () => {
    expect(check(sc04, { S: service(alias({ DnsName: 'orders.prod.internal', Port: 8080 })) })).toHaveLength(0);
    expect(check(sc04, { S: service(alias({ DnsName: 'd'.repeat(127), Port: 1 })) })).toHaveLength(0);
    expect(check(sc04, { S: service(alias({ DnsName: 'd'.repeat(128), Port: 1 })) })).toHaveLength(1);
    expect(check(sc04, { S: service(alias({ DnsName: { 'Fn::Sub': 'api.${Env}' }, Port: { Ref: 'P' } })) })).toHaveLength(0);
  });
});

describe('ECS-SC-06 task memory for Service Connect on EC2', () => {
  test('bad: EC2 task definition without task-level Memory', () => {
    const [f] = check(sc06, { Task: ec2Task(), S: service(sc({})) });
    expect(f).toMatchObject({ ruleId: 'ECS-SC-06', severity: 'error', property: 'Properties/ServiceConnectConfiguration/Enabled' });
    expect(f.message).toContain('Service Connect is enabled but task definition TestStack/Task sets no task-level Memory');
    // Ec2TaskDefinition has no task memory prop: the fix names the aws-cdk-lib class that has.
    expect(f.message).toContain('or an aws-cdk-lib ecs.TaskDefinition with compatibility EC2 and memoryMiB');
  });

  test('good: Memory set, Fargate task, Service Connect off; skipped: unresolved task definition', () => {
    expect(check(sc06, { Task: ec2Task({ Memory: '512' }), S: service(sc({})) })).toHaveLength(0);
    expect(check(sc06, { Task: ec2Task({ Memory: { Ref: 'Mem' } }), S: service(sc({})) })).toHaveLength(0);
    expect(check(sc06, { Task: fargateTask(), S: service(sc({})) })).toHaveLength(0);
    expect(check(sc06, { Task: ec2Task(), S: service(sc({}, false)) })).toHaveLength(0);
    expect(check(sc06, { S: service({ ...sc({}), TaskDefinition: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/app:3' }) })).toHaveLength(0);
  });
});

describe('ECS-EX-02 ECS Exec platform version', () => {
  const exec = (pv: unknown, extra: Record<string, unknown> = {}) => service({ LaunchType: 'FARGATE', EnableExecuteCommand: true, PlatformVersion: pv, ...extra });
  test('bad: 1.3.0 with exec is a warning', () => {
    const [f] = check(ex02, { S: exec('1.3.0') });
    expect(f).toMatchObject({ ruleId: 'ECS-EX-02', severity: 'warning', property: 'Properties/PlatformVersion', value: '"1.3.0"' });
    expect(f.message).toContain('EnableExecuteCommand is true but PlatformVersion is 1.3.0');
    expect(f.message).toContain('Set PlatformVersion to LATEST or 1.4.0.');
  });

  test('1.0.0 is judged only for a resolved Linux task (it is the Windows version too)', () => {
    expect(check(ex02, { Task: fargateTask(), S: exec('1.0.0') })).toHaveLength(1);
    const windows = fargateTask({ RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } });
    expect(check(ex02, { Task: windows, S: exec('1.0.0') })).toHaveLength(0);
    expect(check(ex02, { S: exec('1.0.0', { TaskDefinition: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/x:1' }) })).toHaveLength(0);
  });

  test('good: LATEST, 1.4.0, exec off; skipped: token version', () => {
    expect(check(ex02, { S: exec('LATEST') })).toHaveLength(0);
    expect(check(ex02, { S: exec('1.4.0') })).toHaveLength(0);
    expect(check(ex02, { S: exec('1.3.0', { EnableExecuteCommand: false }) })).toHaveLength(0);
    expect(check(ex02, { S: exec({ Ref: 'Pv' }) })).toHaveLength(0);
  });
});
