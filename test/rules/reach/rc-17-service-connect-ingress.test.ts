/** ECS-RC-17: a Service Connect server's security groups must admit clients on the port its proxy listens on. */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC17_SERVICE_CONNECT_INGRESS } from '../../../src/rules/reach/rc-17-service-connect-ingress';
import { check, fargateTask, Resources } from '../helpers';
import { fargateServiceInGroups, INGRESS, sgRule } from './fixtures';

interface Options {
  ingress?: unknown;
  scService?: Record<string, unknown>;
  extra?: Resources;
  groups?: unknown[];
}

function template(o: Options = {}): Resources {
  return {
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'api', VpcId: 'vpc-1', ...'ingress' in o ? { SecurityGroupIngress: o.ingress } : {} } },
    Task: fargateTask({ ContainerDefinitions: [{ Name: 'api', Image: 'public.ecr.aws/nginx/nginx:1.27', Essential: true, PortMappings: [{ ContainerPort: 8080, Name: 'api' }] }] }),
    Svc: fargateServiceInGroups(o.groups, {
      ServiceConnectConfiguration: { Enabled: true, Namespace: 'internal', Services: [{ PortName: 'api', ...o.scService }] },
    }),
    ...o.extra,
  };
}

const messages = (r: Resources) => check(RC17_SERVICE_CONNECT_INGRESS, r).map((f) => f.message);
const ingress = (p: Record<string, unknown>) => sgRule(INGRESS, p);

describe('ECS-RC-17 Service Connect ingress (L1)', () => {
  test('bad: a server whose group admits nothing', () => {
    expect(messages(template())).toEqual([
      '[ECS-RC-17] clients of Service Connect endpoint api reach its proxy on TCP 8080, but no ingress rule of security group Sg admits that port '
      + 'at TestStack/Svc; allowed: an ingress rule on TCP 8080 from the client services\' security groups (or their addresses). '
      + 'Admit the clients: server.connections.allowFrom(client, ec2.Port.tcp(8080)), or backend.allowFrom(client, 8080) on a kit service.',
    ]);
    // A rule on another port, or UDP, does not admit the proxy.
    expect(messages(template({ extra: { I: ingress({ IpProtocol: 'tcp', FromPort: 9090, ToPort: 9090, SourceSecurityGroupId: 'sg-1' }) } }))).toHaveLength(1);
    expect(messages(template({ ingress: [{ IpProtocol: 'udp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16' }] }))).toHaveLength(1);
  });

  test('IngressPortOverride is the port clients reach, and the one reported', () => {
    const r = template({ scService: { IngressPortOverride: 15000 }, ingress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16' }] });
    expect(check(RC17_SERVICE_CONNECT_INGRESS, r).map((f) => f.property)).toEqual(['Properties/ServiceConnectConfiguration/Services/0/IngressPortOverride']);
    expect(messages(template({ scService: { IngressPortOverride: 15000 }, ingress: [{ IpProtocol: 'tcp', FromPort: 15000, ToPort: 15000, CidrIp: '10.0.0.0/16' }] })))
      .toEqual([]);
  });

  test('good: an ingress rule on the port from a group, a CIDR, all traffic, or a separate resource', () => {
    expect(messages(template({ ingress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: 'sg-client' }] }))).toEqual([]);
    expect(messages(template({ ingress: [{ IpProtocol: '-1', CidrIp: '10.0.0.0/16' }] }))).toEqual([]);
    expect(messages(template({ extra: { I: ingress({ IpProtocol: 'tcp', FromPort: 8000, ToPort: 8999, CidrIp: '10.0.0.0/16' }) } }))).toEqual([]);
  });

  test('silent: a client only, no groups, groups or rules outside the app or unresolved, an unknown port mapping', () => {
    const client = template();
    (client.Svc.Properties as any).ServiceConnectConfiguration = { Enabled: true, Namespace: 'internal' };
    expect(messages(client)).toEqual([]);
    expect(messages(template({ groups: [] }))).toEqual([]);
    expect(messages(template({ groups: ['sg-0123456789abcdef0'] }))).toEqual([]);
    expect(messages(template({ ingress: { Ref: 'IngressParam' } }))).toEqual([]);
    expect(messages(template({ extra: { I: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'GroupParam' }, IpProtocol: '-1' } } } }))).toEqual([]);
    expect(messages(template({ scService: { PortName: 'other' } }))).toEqual([]);
    expect(messages(template({ extra: { I: ingress({ IpProtocol: 'tcp', FromPort: { Ref: 'P' }, ToPort: { Ref: 'P' }, CidrIp: '10.0.0.0/16' }) } }))).toEqual([]);
  });
});

describe('ECS-RC-17 on aws-cdk-lib L2 templates', () => {
  function server(open: boolean): string[] {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'L2');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
    const service = (id: string, named: boolean) => {
      const taskDefinition = new ecs.FargateTaskDefinition(stack, `${id}Task`);
      taskDefinition.addContainer('app', {
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
        portMappings: named ? [{ containerPort: 8080, name: 'api' }] : [],
      });
      return new ecs.FargateService(stack, id, { cluster, taskDefinition, serviceConnectConfiguration: named ? { services: [{ portMappingName: 'api' }] } : {} });
    };
    const api = service('Api', true);
    const web = service('Web', false);
    if (open) api.connections.allowFrom(web, ec2.Port.tcp(8080));
    const model = new AssemblyModel([{ name: 'L2', template: app.synth().getStackArtifact(stack.artifactId).template }]);
    return runRules(model, { rules: [RC17_SERVICE_CONNECT_INGRESS] }).map((f) => f.path);
  }

  test('a server no client may reach is reported; allowFrom the client clears it', () => {
    expect(server(false)).toEqual(['L2/Api/Service']);
    expect(server(true)).toEqual([]);
  });
});
