/** ECS-RC-20: a daemon's fixed host ports and the other services of its cluster (found by an EC2 user trial). */
import { RC20_DAEMON_HOST_PORTS as rule } from '../../../src/rules/reach/rc-20-daemon-host-ports';
import { check, Resources } from '../helpers';

const task = (mode: string, mapping: Record<string, unknown>) => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { NetworkMode: mode, RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'c', Image: 'x', Memory: 128, PortMappings: [mapping] }] },
});
const service = (td: string, extra: Record<string, unknown> = {}, cluster = 'Cluster') => ({
  Type: 'AWS::ECS::Service',
  Properties: { Cluster: { Ref: cluster }, TaskDefinition: { Ref: td }, LaunchType: 'EC2', ...extra },
});
const daemon = (extra: Record<string, unknown> = {}) => service('ExporterTd', { SchedulingStrategy: 'DAEMON', ...extra });

function app(other: Resources[string], otherTd: Resources[string], more: Resources = {}): Resources {
  return {
    Cluster: { Type: 'AWS::ECS::Cluster' },
    ExporterTd: task('host', { ContainerPort: 9100 }),
    Exporter: daemon(),
    OtherTd: otherTd,
    Other: other,
    ...more,
  };
}

describe('ECS-RC-20 a daemon\'s fixed host ports', () => {
  test('bad: a host-mode service on the port a host-mode daemon binds', () => {
    const [f, ...rest] = check(rule, app(service('OtherTd', { DesiredCount: 2 }), task('host', { ContainerPort: 9100 })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-RC-20', severity: 'warning', logicalId: 'Exporter', property: 'Properties/SchedulingStrategy' });
    expect(f.message).toBe('[ECS-RC-20] DAEMON service binds host port 9100/tcp on every instance of cluster TestStack/Cluster, and service '
      + 'TestStack/Other on the same cluster binds it too at TestStack/Exporter; allowed: each fixed host port bound by one service per instance. '
      + "Use another port for TestStack/Other or for the daemon, awsvpc network mode, or a memberOf placement constraint that keeps the daemon off TestStack/Other's instances.");
  });

  test('bad: a bridge service with a fixed host port; two daemons on one port are reported once', () => {
    expect(check(rule, app(service('OtherTd'), task('bridge', { ContainerPort: 80, HostPort: 9100 })))).toHaveLength(1);
    const two = check(rule, app(service('OtherTd', { SchedulingStrategy: 'DAEMON' }), task('bridge', { ContainerPort: 9100, HostPort: 9100 })));
    expect(two.map((f) => f.logicalId)).toEqual(['Exporter']);
  });

  test('good: another port or protocol, a dynamic host port, awsvpc, another cluster, a daemon with placement constraints', () => {
    expect(check(rule, app(service('OtherTd'), task('host', { ContainerPort: 9200 })))).toEqual([]);
    expect(check(rule, app(service('OtherTd'), task('host', { ContainerPort: 9100, Protocol: 'udp' })))).toEqual([]);
    expect(check(rule, app(service('OtherTd'), task('bridge', { ContainerPort: 9100 })))).toEqual([]);
    expect(check(rule, app(service('OtherTd'), task('awsvpc', { ContainerPort: 9100 })))).toEqual([]);
    expect(check(rule, app(service('OtherTd', {}, 'Other2'), task('host', { ContainerPort: 9100 }), { Other2: { Type: 'AWS::ECS::Cluster' } }))).toEqual([]);
    const constrained = app(service('OtherTd'), task('host', { ContainerPort: 9100 }));
    constrained.Exporter = daemon({ PlacementConstraints: [{ Type: 'memberOf', Expression: 'attribute:role == metrics' }] });
    expect(check(rule, constrained)).toEqual([]);
  });

  test('skipped: an unresolved port or cluster', () => {
    expect(check(rule, app(service('OtherTd'), task('host', { ContainerPort: { Ref: 'Port' } })))).toEqual([]);
    expect(check(rule, app(service('OtherTd', { Cluster: 'imported' }), task('host', { ContainerPort: 9100 })))).toEqual([]);
  });
});
