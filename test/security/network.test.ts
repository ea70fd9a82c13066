/**
 * Network exposure: no security group a kit construct creates is open to the
 * world, except the listener ports of a load balancer the user asked to be
 * internet-facing; tasks get a public IP only when asked.
 */
import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { exampleApps, pathMetadataApp, synthesize, SynthesizedApp, SynthesizedResource } from './example-apps';
import { EcsCluster, FargateTask, WebService, WebServiceProps, WorkerService } from '../../src';
import { DEFAULTS_CERTIFICATE_ARN, DEFAULTS_IMAGE } from '../fixtures/default-props-app';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

interface WorldIngress {
  /** Construct path of the security group. */
  readonly group: string;
  readonly logicalId: string;
  readonly port: string;
  readonly kitOwned: boolean;
}

const logicalIdOf = (r: SynthesizedResource) => r.where.split('/').pop()!;
const refId = (x: any): string | undefined => x?.Ref ?? (x?.['Fn::GetAtt']?.[1] === 'GroupId' ? x['Fn::GetAtt'][0] : undefined);
const portOf = (rule: any) => (rule.FromPort === rule.ToPort ? `${rule.FromPort}` : `${rule.FromPort}-${rule.ToPort}`);

/** Every ingress rule open to 0.0.0.0/0 or ::/0, inline or as AWS::EC2::SecurityGroupIngress. */
function worldIngress(app: SynthesizedApp): WorldIngress[] {
  const groups = new Map(app.resources.filter((r) => r.resource.Type === 'AWS::EC2::SecurityGroup').map((r) => [logicalIdOf(r), r]));
  const out: WorldIngress[] = [];
  for (const [logicalId, sg] of groups) {
    for (const rule of sg.resource.Properties?.SecurityGroupIngress ?? []) {
      if (WORLD.has(rule.CidrIp) || WORLD.has(rule.CidrIpv6)) out.push({ group: sg.path!, logicalId, port: portOf(rule), kitOwned: sg.kitOwned });
    }
  }
  for (const r of app.resources.filter((x) => x.resource.Type === 'AWS::EC2::SecurityGroupIngress')) {
    const p = r.resource.Properties;
    if (!(WORLD.has(p.CidrIp) || WORLD.has(p.CidrIpv6))) continue;
    const sg = groups.get(refId(p.GroupId) ?? '');
    out.push({ group: sg?.path ?? r.path!, logicalId: refId(p.GroupId) ?? '', port: portOf(p), kitOwned: r.kitOwned || (sg?.kitOwned ?? false) });
  }
  return out;
}

/** `<security group logical id>:<port>` for each listener of each internet-facing load balancer. */
function internetFacingListenerPorts(app: SynthesizedApp): Set<string> {
  const lbs = app.resources.filter((r) => r.resource.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer'
    && r.resource.Properties?.Scheme === 'internet-facing');
  const out = new Set<string>();
  for (const lb of lbs) {
    const listeners = app.resources.filter((r) => r.resource.Type === 'AWS::ElasticLoadBalancingV2::Listener'
      && r.resource.Properties?.LoadBalancerArn?.Ref === logicalIdOf(lb));
    for (const sg of (lb.resource.Properties.SecurityGroups ?? []).map(refId)) {
      for (const l of listeners) out.add(`${sg}:${l.resource.Properties.Port}`);
    }
  }
  return out;
}

function webServiceApp(props: Partial<WebServiceProps>): SynthesizedApp {
  const app = pathMetadataApp();
  const stack = new Stack(app, 'Web');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') });
  const task = new FargateTask(stack, 'Task', { container: { image: DEFAULTS_IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] } });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', DEFAULTS_CERTIFICATE_ARN);
  new WebService(stack, 'Web', { cluster, task, certificate, ...props });
  return synthesize('web', app);
}

describe('security groups of the example apps and the default-props app', () => {
  test('open to the world only on a listener port of a load balancer built with internetFacing: true', () => {
    for (const app of exampleApps()) {
      const allowed = internetFacingListenerPorts(app);
      const open = worldIngress(app).filter((i) => i.kitOwned && !allowed.has(`${i.logicalId}:${i.port}`));
      expect(open.map((i) => `${app.name}: ${i.group} port ${i.port}`)).toEqual([]);
    }
  });

  test('the only world-open groups are the default-props app\'s PublicWeb load balancer (internetFacing, redirectHttp)', () => {
    const open = exampleApps().flatMap((app) => worldIngress(app).map((i) => `${i.group} ${i.port}`));
    expect(open.sort()).toEqual(['Defaults/PublicWeb/LoadBalancerSecurityGroup/Resource 443', 'Defaults/PublicWeb/LoadBalancerSecurityGroup/Resource 80']);
  });
});

describe('WebService exposure', () => {
  test('default WebService: internal load balancer, nothing open to 0.0.0.0/0 or ::/0', () => {
    const app = webServiceApp({});
    expect(app.resources.find((r) => r.resource.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')?.resource.Properties.Scheme).toBe('internal');
    expect(worldIngress(app)).toEqual([]);
  });

  test('internetFacing: true opens only the HTTPS listener port to the world, and the tasks only to the load balancer', () => {
    const app = webServiceApp({ internetFacing: true });
    const open = worldIngress(app);
    expect(open.map((i) => `${i.group} ${i.port}`)).toEqual(['Web/Web/LoadBalancerSecurityGroup/Resource 443']);
    expect([...internetFacingListenerPorts(app)]).toEqual([`${open[0].logicalId}:443`]);
    // The task security group admits the load balancer's group only.
    const taskIngress = app.resources.filter((r) => r.resource.Type === 'AWS::EC2::SecurityGroupIngress').map((r) => r.resource.Properties);
    expect(taskIngress.map((p) => [refId(p.SourceSecurityGroupId), p.FromPort])).toEqual([[open[0].logicalId, 8080]]);
  });

  test('internetFacing with redirectHttp also opens port 80, the redirect listener the user asked for', () => {
    const app = webServiceApp({ internetFacing: true, redirectHttp: true });
    const allowed = internetFacingListenerPorts(app);
    const open = worldIngress(app);
    expect(open.map((i) => i.port).sort()).toEqual(['443', '80']);
    expect(open.every((i) => allowed.has(`${i.logicalId}:${i.port}`))).toBe(true);
  });
});

describe('public IPs', () => {
  test('every ECS service in the apps has AssignPublicIp DISABLED or no awsvpc configuration', () => {
    const services = exampleApps().flatMap((a) => a.resources.filter((r) => r.resource.Type === 'AWS::ECS::Service'));
    expect(services.length).toBeGreaterThan(5);
    const assigned = services.filter((s) => !['DISABLED', undefined].includes(s.resource.Properties.NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp));
    expect(assigned.map((s) => s.path)).toEqual([]);
  });

  test('assignPublicIp: true on a Fargate service in public subnets is ENABLED', () => {
    const app = pathMetadataApp();
    const stack = new Stack(app, 'Public');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') });
    const task = new FargateTask(stack, 'Task', { container: { image: DEFAULTS_IMAGE } });
    new WorkerService(stack, 'Worker', { cluster, task, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    const services = synthesize('public', app).resources.filter((r) => r.resource.Type === 'AWS::ECS::Service');
    expect(services.map((s) => s.resource.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp)).toEqual(['ENABLED']);
  });
});
