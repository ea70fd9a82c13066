import { cluster, service } from './fixtures';
import { SC01_NAMESPACE as sc01 } from '../../../src/rules/service/sc-01-namespace';
import { SC02_PORT_NAME as sc02 } from '../../../src/rules/service/sc-02-port-name';
import { SC05_ONE_CLIENT_ALIAS as sc05 } from '../../../src/rules/service/sc-05-one-client-alias';
import { SC09_ACCESS_LOG_NEEDS_LOG_DRIVER as sc09 } from '../../../src/rules/service/sc-09-access-log-needs-log-driver';
import { SV23_SERVICE_REGISTRIES as sv23 } from '../../../src/rules/service/sv-23-service-registries';
import { SV29_EXTERNAL_SERVICE as sv29 } from '../../../src/rules/service/sv-29-external-service';
import { check, fargateTask } from '../helpers';
import { ec2TaskWith, TOKEN } from '../task/fixtures';

const registry = (extra: Record<string, unknown> = {}) => ({ RegistryArn: { 'Fn::GetAtt': ['Disc', 'Arn'] }, ...extra });
const bridgeTask = ec2TaskWith([{ Name: 'web', Image: 'x', Memory: 64, PortMappings: [{ ContainerPort: 80, HostPort: 0 }] }]);
const named = fargateTask({ ContainerDefinitions: [{ Name: 'web', Image: 'x', PortMappings: [{ ContainerPort: 80, Name: 'http' }] }] });
const sc = (cfg: Record<string, unknown>) => ({ ServiceConnectConfiguration: { Enabled: true, ...cfg } });

describe('ECS-SV-23 service registries', () => {
  test('bad: two registries; bridge without ContainerName/Port; network mode none', () => {
    expect(check(sv23, { Task: fargateTask(), S: service({ ServiceRegistries: [registry(), registry()] }) })[0]).toMatchObject({ ruleId: 'ECS-SV-23', property: 'Properties/ServiceRegistries' });
    expect(check(sv23, { Task: bridgeTask, S: service({ ServiceRegistries: [registry()] }) })[0].message).toContain('bridge-mode task has no ContainerName/ContainerPort');
    expect(check(sv23, { Task: ec2TaskWith([], { NetworkMode: 'none' }), S: service({ ServiceRegistries: [registry()] }) })[0].message).toContain('network mode none');
  });
  test('good: awsvpc with one registry; bridge with SRV container port', () => {
    expect(check(sv23, { Task: fargateTask(), S: service({ ServiceRegistries: [registry()] }) })).toEqual([]);
    expect(check(sv23, { Task: bridgeTask, S: service({ ServiceRegistries: [registry({ ContainerName: 'web', ContainerPort: 80 })] }) })).toEqual([]);
  });
  test('skipped: token network mode', () => {
    expect(check(sv23, { Task: ec2TaskWith([], { NetworkMode: TOKEN }), S: service({ ServiceRegistries: [registry()] }) })).toEqual([]);
  });
});

describe('ECS-SV-29 EXTERNAL services', () => {
  test('bad: load balancer on EXTERNAL', () => {
    const [f] = check(sv29, { S: service({ LaunchType: 'EXTERNAL', LoadBalancers: [{ TargetGroupArn: 'arn', ContainerName: 'web', ContainerPort: 80 }] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-29', property: 'Properties/LoadBalancers' });
  });
  test('good: EXTERNAL without; EC2 with', () => {
    expect(check(sv29, { S: service({ LaunchType: 'EXTERNAL' }) })).toEqual([]);
    expect(check(sv29, { S: service({ LaunchType: 'EC2', ServiceRegistries: [registry()] }) })).toEqual([]);
  });
  test('skipped: token launch type', () => expect(check(sv29, { S: service({ LaunchType: TOKEN, ServiceRegistries: [registry()] }) })).toEqual([]));
});

describe('ECS-SC-01 Service Connect namespace', () => {
  test('bad: no namespace on service or cluster', () => {
    const [f] = check(sc01, { Cluster: cluster(), S: service(sc({ Services: [] })) });
    expect(f).toMatchObject({ ruleId: 'ECS-SC-01', property: 'Properties/ServiceConnectConfiguration/Namespace' });
    expect(f.message).toContain('cluster TestStack/Cluster has no ServiceConnectDefaults namespace');
  });
  test('good: service namespace; cluster default', () => {
    expect(check(sc01, { Cluster: cluster(), S: service(sc({ Namespace: 'local' })) })).toEqual([]);
    expect(check(sc01, { Cluster: cluster({ ServiceConnectDefaults: { Namespace: 'arn:aws:servicediscovery:us-east-1:1:namespace/ns-1' } }), S: service(sc({})) })).toEqual([]);
  });
  test('skipped: cluster not in the template; token defaults', () => {
    expect(check(sc01, { S: service({ ...sc({}), Cluster: 'imported' }) })).toEqual([]);
    expect(check(sc01, { Cluster: cluster({ ServiceConnectDefaults: { Ref: 'D' } }), S: service(sc({})) })).toEqual([]);
  });
});

describe('ECS-SC-02 Service Connect port name', () => {
  test('bad: unknown port name', () => {
    const [f] = check(sc02, { Task: named, S: service(sc({ Namespace: 'n', Services: [{ PortName: 'web' }] })) });
    expect(f).toMatchObject({ ruleId: 'ECS-SC-02', property: 'Properties/ServiceConnectConfiguration/Services/0/PortName' });
    expect(f.message).toContain('allowed: http');
  });
  test('good: matching name', () => expect(check(sc02, { Task: named, S: service(sc({ Namespace: 'n', Services: [{ PortName: 'http' }] })) })).toEqual([]));
  test('skipped: a port mapping name is a token', () => {
    const t = fargateTask({ ContainerDefinitions: [{ Name: 'web', Image: 'x', PortMappings: [{ ContainerPort: 80, Name: TOKEN }] }] });
    expect(check(sc02, { Task: t, S: service(sc({ Namespace: 'n', Services: [{ PortName: 'web' }] })) })).toEqual([]);
  });
  test('skipped: PortMappings, a mapping or a container behind Fn::If (both branches may name the port)', () => {
    const mapping = { ContainerPort: 80, Name: 'http' };
    const tasks = [
      [{ Name: 'web', Image: 'x', PortMappings: { 'Fn::If': ['C', [mapping], [mapping]] } }],
      [{ Name: 'web', Image: 'x', PortMappings: [{ 'Fn::If': ['C', mapping, { Ref: 'AWS::NoValue' }] }] }],
      [{ Name: 'side', Image: 'x' }, { 'Fn::If': ['C', { Name: 'web', Image: 'x', PortMappings: [mapping] }, { Ref: 'AWS::NoValue' }] }],
    ];
    for (const ContainerDefinitions of tasks) {
      expect(check(sc02, { Task: fargateTask({ ContainerDefinitions }), S: service(sc({ Namespace: 'n', Services: [{ PortName: 'http' }] })) })).toEqual([]);
    }
  });
});

describe('ECS-SC-05 one client alias', () => {
  test('bad: two aliases', () => {
    const [f] = check(sc05, { S: service(sc({ Namespace: 'n', Services: [{ PortName: 'http', ClientAliases: [{ Port: 80 }, { Port: 8080 }] }] })) });
    expect(f).toMatchObject({ ruleId: 'ECS-SC-05', property: 'Properties/ServiceConnectConfiguration/Services/0/ClientAliases' });
  });
  test('good: one alias', () => expect(check(sc05, { S: service(sc({ Namespace: 'n', Services: [{ PortName: 'http', ClientAliases: [{ Port: 80 }] }] })) })).toEqual([]));
  test('skipped: Service Connect flag unresolved', () => {
    expect(check(sc05, { S: service({ ServiceConnectConfiguration: { Enabled: TOKEN, Services: [{ PortName: 'http', ClientAliases: [{ Port: 80 }, { Port: 81 }] }] } }) })).toEqual([]);
  });
});

describe('ECS-SC-09 access logs need a log configuration', () => {
  const access = { AccessLogConfiguration: { Format: 'TEXT' } };
  test('bad: access logs without LogConfiguration', () => {
    expect(check(sc09, { S: service(sc({ Namespace: 'n', ...access })) })[0]).toMatchObject({ ruleId: 'ECS-SC-09' });
  });
  test('good: with LogConfiguration', () => {
    expect(check(sc09, { S: service(sc({ Namespace: 'n', ...access, LogConfiguration: { LogDriver: 'awslogs' } })) })).toEqual([]);
  });
  test('skipped: unresolved enabled flag', () => {
    expect(check(sc09, { S: service({ ServiceConnectConfiguration: { Enabled: { Ref: 'On' }, ...access } }) })).toEqual([]);
  });
});
