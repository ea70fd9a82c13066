import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsCluster } from '../../../src/cluster';
import { SC14_UNIQUE_NAMES_IN_NAMESPACE as rule } from '../../../src/rules/service/sc-14-unique-names-in-namespace';
import { BackendService } from '../../../src/service';
import { FargateTask } from '../../../src/task';
import { check, Resources } from '../helpers';

const ns = { Type: 'AWS::ServiceDiscovery::PrivateDnsNamespace', Properties: { Name: 'internal', Vpc: 'vpc-1' } };
const cluster = { Type: 'AWS::ECS::Cluster', Properties: { ServiceConnectDefaults: { Namespace: { 'Fn::GetAtt': ['Ns', 'Arn'] } } } };
function sc(services: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Cluster' }, ServiceConnectConfiguration: { Enabled: true, Services: services, ...extra } } };
}
const template = (a: Record<string, unknown>[], b: Record<string, unknown>[], bExtra: Record<string, unknown> = {}): Resources =>
  ({ Ns: ns, Cluster: cluster, A: sc(a), B: sc(b, bExtra) });

describe('ECS-SC-14 fix texts (found by a user trial)', () => {
  test('a DiscoveryName set on both: change it, not the port mapping', () => {
    const findings = check(rule, template([{ PortName: 'a', DiscoveryName: 'shared' }], [{ PortName: 'b', DiscoveryName: 'shared' }]));
    expect(findings.map((f) => f.property)).toEqual(['Properties/ServiceConnectConfiguration/Services/0/DiscoveryName']);
    expect(findings[0].message).toMatch(/Change the DiscoveryName to one of its own, e\.g\. "b" \(the kit: discoveryName\)\.$/);
  });

  test('two services with the same construct id in two stacks: the suggestion adds the stack, so it does not clash again', () => {
    const svc = (port: string) => sc([{ PortName: port }]);
    const a = { ...svc('http'), Metadata: { 'aws:cdk:path': 'Orders/Svc/Service' } };
    const b = { ...svc('http'), Metadata: { 'aws:cdk:path': 'Payments/Svc/Service' } };
    const findings = check(rule, { Ns: ns, Cluster: cluster, A: a, B: b });
    expect(findings[0].message).toContain('Name the port mapping after the service, e.g. "payments-svc"');
  });
});

describe('ECS-SC-14 discovery names and client aliases are unique in a namespace', () => {
  test('bad: two services publishing port name http without discoveryName (the port name is the discovery name) and the same alias', () => {
    const findings = check(rule, template(
      [{ PortName: 'http', ClientAliases: [{ Port: 8080, DnsName: 'http' }] }],
      [{ PortName: 'http', ClientAliases: [{ Port: 8080, DnsName: 'http' }] }],
    ));
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([
      ['B', 'Properties/ServiceConnectConfiguration/Services/0/PortName'],
      ['B', 'Properties/ServiceConnectConfiguration/Services/0/ClientAliases/0'],
    ]);
    expect(findings[0].message).toBe('[ECS-SC-14] discovery name http is already published by TestStack/A in Service Connect namespace TestStack/Ns at '
      + 'TestStack/B; allowed: discovery names and client aliases (name and port) unique within a namespace. Name the port mapping after the '
      + 'service, e.g. "b" (kit services publish the port mapping\'s name), or set a DiscoveryName of its own (the kit: discoveryName, or '
      + 'serviceConnect.discoveryName; aws-cdk-lib: serviceConnectConfiguration.services[].discoveryName).');
  });

  test('bad: the same alias name and port with distinct discovery names; a service\'s own namespace matches the cluster default', () => {
    const findings = check(rule, template(
      [{ PortName: 'http', DiscoveryName: 'orders', ClientAliases: [{ Port: 80, DnsName: 'api' }] }],
      [{ PortName: 'http', DiscoveryName: 'payments', ClientAliases: [{ Port: 80, DnsName: 'api' }] }],
      { Namespace: { 'Fn::GetAtt': ['Ns', 'Arn'] } },
    ));
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('client alias api:80 is already published by TestStack/A')]);
  });

  test('good: distinct names; the same alias name on another port; another namespace; a client-only service; a conditional service', () => {
    expect(check(rule, template([{ PortName: 'orders', ClientAliases: [{ Port: 80 }] }], [{ PortName: 'payments', ClientAliases: [{ Port: 80 }] }]))).toEqual([]);
    expect(check(rule, template(
      [{ PortName: 'http', DiscoveryName: 'a', ClientAliases: [{ Port: 80, DnsName: 'api' }] }],
      [{ PortName: 'http', DiscoveryName: 'b', ClientAliases: [{ Port: 81, DnsName: 'api' }] }],
    ))).toEqual([]);
    expect(check(rule, template([{ PortName: 'http' }], [{ PortName: 'http' }], { Namespace: 'other' }))).toEqual([]);
    expect(check(rule, { Ns: ns, Cluster: cluster, A: sc([{ PortName: 'http' }]), B: sc([]) })).toEqual([]);
    const conditional = template([{ PortName: 'http' }], [{ PortName: 'http' }]);
    (conditional.B as Record<string, unknown>).Condition = 'Blue';
    expect(check(rule, conditional)).toEqual([]);
  });

  test('skipped: unresolved names and namespaces', () => {
    expect(check(rule, template([{ PortName: { Ref: 'P' } }], [{ PortName: { Ref: 'P' } }]))).toEqual([]);
    expect(check(rule, template([{ PortName: 'http' }], [{ PortName: 'http' }], { Namespace: { Ref: 'NsParam' } }))).toEqual([]);
  });

  test('kit: two BackendServices whose port mappings are both named api fail synth; named after the service they pass', () => {
    const build = (first: string, second: string) => {
      const stack = new Stack(new App(), 'Platform');
      const ecsCluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), defaultCloudMapNamespace: { name: 'internal' } });
      const task = (id: string, name: string) => new FargateTask(stack, `${id}Task`, {
        container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'), portMappings: [{ containerPort: 8080, name }] },
      });
      new BackendService(stack, 'Orders', { cluster: ecsCluster, task: task('Orders', first) });
      new BackendService(stack, 'Payments', { cluster: ecsCluster, task: task('Payments', second) });
      return stack;
    };
    expect(() => Template.fromStack(build('api', 'api'))).toThrow(/\[ECS-SC-14\] discovery name api is already published by Platform\/Orders\/Service/);
    Template.fromStack(build('orders', 'payments'));
  });
});
