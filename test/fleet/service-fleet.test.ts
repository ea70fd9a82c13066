import { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { fleetApp, FleetApp, fleetTask, IMAGE } from './helpers';
import { BackendService, EcsChecks, EcsCluster, FargateCapacity, FargateTask, QuotaProfile, WorkerService } from '../../src';

const KEYS = ['orders', 'billing', 'search', 'catalog', 'users', 'media'];
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';

/** Stack dependencies by artifact id, without asset manifests. */
function dependencies(asm: CloudAssembly): Record<string, string[]> {
  return Object.fromEntries(asm.stacks.map((s) => [s.id, s.dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets')).sort()]));
}

describe('ServiceFleet in an env-agnostic base stack, required props only', () => {
  let f: FleetApp;
  let asm: CloudAssembly;
  beforeAll(() => {
    f = fleetApp(KEYS);
    asm = f.app.synth();
  });

  test('each service goes to the shard and priority its key gives; shard stacks exist only for shards with services', () => {
    const shards = [...new Set(KEYS.map((k) => f.fleet.placementOf(k).shard))].sort();
    expect(f.fleet.shardStacks.map((s) => s.node.id)).toEqual(shards.map((i) => `Platform-Fleet-${i}`));
    expect(f.fleet.loadBalancers).toHaveLength(shards.length);
    for (const key of KEYS) {
      const { shard, priority } = f.fleet.placementOf(key);
      const t = Template.fromJSON(asm.getStackArtifact(`Platform-Fleet-${shard}`).template);
      t.hasResourceProperties(LISTENER_RULE, {
        Priority: priority,
        ListenerArn: { 'Fn::ImportValue': Match.stringLikeRegexp(`^Platform:ExportsOutputRefFleetShard${shard}LoadBalancerHttps`) },
        Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: [`${key}.example.com`] } }],
      });
    }
  });

  test('references run only from shard stacks to the base stack: no cycle is possible', () => {
    const deps = dependencies(asm);
    expect(deps.Platform).toEqual([]);
    for (const stack of f.fleet.shardStacks) expect(deps[stack.artifactId]).toEqual(['Platform']);
    const base = JSON.stringify(asm.getStackArtifact('Platform').template);
    expect(base).not.toContain('Fn::ImportValue');
    for (const stack of f.fleet.shardStacks) {
      const template = asm.getStackArtifact(stack.artifactId).template;
      expect(template.Outputs ?? {}).toEqual({});
      // The load balancer's group admits nothing of the shard: its egress names a CIDR and a port, not a shard's group.
      const ingress = Template.fromJSON(template).findResources('AWS::EC2::SecurityGroupIngress');
      expect(Object.values(ingress).map((r: any) => r.Properties.SourceSecurityGroupId)).toEqual(
        Object.values(ingress).map(() => ({ 'Fn::ImportValue': expect.stringMatching(/^Platform:/) })));
    }
  });

  test('the base stack holds one internal HTTPS load balancer per used shard, a 404 default action, egress to the VPC on the target port', () => {
    const t = Template.fromJSON(asm.getStackArtifact('Platform').template);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', f.fleet.shardStacks.length);
    t.allResourcesProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    t.allResourcesProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Port: 443,
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' } }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of Platform/Fleet/Shard' + f.fleet.placementOf('orders').shard + ': TLS 443 in, targets out',
      SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16', Description: 'to fleet targets on port 8080' }],
    });
    // One access-log bucket for the fleet.
    t.resourceCountIs('AWS::S3::Bucket', 1);
  });

  test('every shard stays under its resource budget', () => {
    for (const stack of f.fleet.shardStacks) {
      const count = Object.keys(asm.getStackArtifact(stack.artifactId).template.Resources).length;
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(f.fleet.resourceBudget);
    }
  });

  test('the kit checks see the whole fleet: services per cluster add up across shard stacks', () => {
    const clean = EcsChecks.check(f.app);
    expect(clean.findings.map((x) => `${x.ruleId} ${x.message}`)).toEqual([]);
    const tight = EcsChecks.check(f.app, { quotas: QuotaProfile.current().withOverrides({ servicesPerCluster: KEYS.length - 1 }) });
    expect(tight.findings.filter((x) => x.ruleId === 'ECS-QT-02').map((x) => x.message)).toEqual([
      expect.stringContaining(`Cluster Platform/Cluster/Cluster has ${KEYS.length} services`),
    ]);
  });

  test('snapshot: the base stack and one shard stack', () => {
    const shard = f.fleet.shardStacks[0];
    expect({ base: asm.getStackArtifact('Platform').template, shard: asm.getStackArtifact(shard.artifactId).template }).toMatchSnapshot();
  });
});

describe('ServiceFleet wiring', () => {
  test('a literal env: shard stacks share it, access logs use the Region\'s log delivery without duplicate statements', () => {
    const f = fleetApp(KEYS, {}, { env: { account: '111111111111', region: 'eu-west-1' } });
    for (const stack of f.fleet.shardStacks) expect({ account: stack.account, region: stack.region }).toEqual({ account: '111111111111', region: 'eu-west-1' });
    const t = Template.fromStack(f.base);
    const policies = Object.values(t.findResources('AWS::S3::BucketPolicy')) as any[];
    expect(policies).toHaveLength(1);
    const sids = policies[0].Properties.PolicyDocument.Statement.map((s: any) => JSON.stringify([s.Sid, s.Action, s.Principal, s.Resource]));
    expect(new Set(sids).size).toBe(sids.length);
  });

  test('ECS-RC-07 sees rules of shard stacks on the base stack\'s listener', () => {
    const f = fleetApp(['a', 'b'], { shards: 1 });
    const rules = ['a', 'b'].map((k) => f.services.get(k)!.node.findAll().find((c) => c instanceof elbv2.CfnListenerRule) as elbv2.CfnListenerRule);
    rules[1].priority = rules[0].priority;
    const report = EcsChecks.check(f.app);
    expect(report.findings.filter((x) => x.ruleId === 'ECS-RC-07').map((x) => x.message)).toEqual([
      expect.stringMatching(/^\[ECS-RC-07\] listener rule priority \d+ is already used by rule .*a\/Service.* on listener .*Shard0\/LoadBalancer\/Https/),
    ]);
  });

  test('ECS-RC-14: two fleet services with the same hostHeaders on one shard: the later rule never matches', () => {
    const f = fleetApp(['a'], { shards: 1 });
    f.fleet.addWebService('b', { task: fleetTask(f.fleet.serviceScope('b')), hostHeaders: ['a.example.com'] });
    const report = EcsChecks.check(f.app);
    expect(report.findings.filter((x) => x.ruleId === 'ECS-RC-14').map((x) => `${x.severity} ${x.message}`)).toEqual([
      expect.stringMatching(/^warning \[ECS-RC-14\] listener rule conditions repeat those of rule .*a.* \(priority \d+\) on the same listener/),
    ]);
    expect(EcsChecks.check(fleetApp(['a', 'b'], { shards: 1 }).app).findings.filter((x) => x.ruleId === 'ECS-RC-14')).toEqual([]);
  });

  // The fleet derives the priority: the error asks only for the condition the rule lacks.
  test('a fleet web service without hostHeaders or pathPatterns fails with KIT-SERVICE-LISTENER-RULE asking for a condition', () => {
    const f = fleetApp(['a'], { shards: 1 });
    expect(() => f.fleet.addWebService('b', { task: fleetTask(f.fleet.serviceScope('b')) }))
      .toThrow(/\[KIT-SERVICE-LISTENER-RULE\] a shared listener needs priority and hostHeaders or pathPatterns; priority is \d+, hostHeaders not set, pathPatterns not set at .*; allowed: .*\. Set hostHeaders or pathPatterns\.$/);
  });

  test('a priority taken on the shard\'s listener fails at construction, naming both keys', () => {
    const f = fleetApp(['a'], { shards: 1 });
    const taken = f.fleet.placementOf('a').priority;
    expect(() => f.fleet.addWebService('b', { task: fleetTask(f.fleet.serviceScope('b')), hostHeaders: ['b.example.com'], priority: taken }))
      .toThrow(new RegExp(`^\\[ECS-RC-07\\] listener rule priority ${taken} of 'b' \\(priority\\) is already used by 'a' on the listener of shard 0 at Platform-Fleet-0/b; `));
  });

  test('shardOverrides pins a key to a shard; its derived priority stays', () => {
    const f = fleetApp(['orders'], { shards: 4, shardOverrides: { orders: 2 } });
    expect(Stack.of(f.services.get('orders')!).node.id).toBe('Platform-Fleet-2');
    const t = Template.fromStack(f.fleet.shardStacks[0]);
    t.hasResourceProperties(LISTENER_RULE, { Priority: f.fleet.placementOf('orders').priority });
  });

  test('an over-budget shard fails synth with the shard, the count and the largest services', () => {
    const f = fleetApp(['a', 'b', 'c'], { shards: 1, resourceBudget: 25 });
    expect(() => f.app.synth()).toThrow(
      /\[KIT-FLEET-BUDGET\] shard 0 holds \d+ resources for 3 services \(3 web services; largest: [a-c] \d+, [a-c] \d+, [a-c] \d+\), over resourceBudget 25 at Platform-Fleet-0; allowed: at most resourceBudget 25 resources per shard stack \(CloudFormation allows 500\)\. Pin services of this shard/);
  });

  test('the budget message counts services in serviceScope and names a shard with room (found by a fleet user trial)', () => {
    const f = fleetApp(['a'], { shards: 2, resourceBudget: 30, shardOverrides: { a: 0, w1: 0, w2: 0, b: 1 } });
    f.fleet.addWebService('b', { task: fleetTask(f.fleet.serviceScope('b')), hostHeaders: ['b.example.com'] });
    const cluster = f.base.node.findChild('Cluster') as EcsCluster;
    for (const key of ['w1', 'w2']) new WorkerService(f.fleet.serviceScope(key), 'Service', { cluster, task: fleetTask(f.fleet.serviceScope(key)) });
    expect(() => f.app.synth()).toThrow(/\[KIT-FLEET-BUDGET\] shard 0 holds \d+ resources for 3 services \(1 web service, 2 in serviceScope; largest: .*\), over resourceBudget 30 at Platform-Fleet-0; .* Pin a service to a shard with room, e\.g\. shardOverrides: \{ '\w+': 1 \} \(shard 1 holds \d+\), or raise resourceBudget/);
  });

  test('fleet web services take serviceConnect (client of the cluster namespace) and fargateCapacity (found by a fleet user trial)', () => {
    const f = fleetApp([], { shards: 1 });
    const namespace = new servicediscovery.PrivateDnsNamespace(f.base, 'Namespace', { name: 'internal', vpc: (f.base.node.findChild('Cluster') as EcsCluster).vpc });
    const web = f.fleet.addWebService('shop', {
      task: fleetTask(f.fleet.serviceScope('shop')),
      hostHeaders: ['shop.example.com'],
      serviceConnect: { cloudMapNamespace: namespace },
      fargateCapacity: FargateCapacity.spotWithOnDemandBase({ onDemandBase: 1 }),
    });
    Template.fromStack(Stack.of(web)).hasResourceProperties('AWS::ECS::Service', {
      ServiceConnectConfiguration: Match.objectLike({ Enabled: true }),
      CapacityProviderStrategy: Match.arrayWith([Match.objectLike({ CapacityProvider: 'FARGATE_SPOT' })]),
    });
  });

  test('docs/fleet.md: callers and backends in different shards wired through a base-stack security group synthesize without a cycle', () => {
    const f = fleetApp([], { shards: 2, shardOverrides: { shop: 0, orders: 1, admin: 1, billing: 0 } });
    const cluster = f.base.node.findChild('Cluster') as EcsCluster;
    const namespace = new servicediscovery.PrivateDnsNamespace(f.base, 'Namespace', { name: 'internal', vpc: cluster.vpc });
    const callers = new ec2.SecurityGroup(f.base, 'FleetCallers', { vpc: cluster.vpc, allowAllOutbound: true });
    const backend = (key: string) => new BackendService(f.fleet.serviceScope(key), 'Service', {
      cluster, cloudMapNamespace: namespace, task: new FargateTask(f.fleet.serviceScope(key), 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: key }] } }),
    });
    const [orders, billing] = [backend('orders'), backend('billing')];
    for (const key of ['shop', 'admin']) {
      f.fleet.addWebService(key, {
        task: fleetTask(f.fleet.serviceScope(key)), hostHeaders: [`${key}.example.com`], serviceConnect: { cloudMapNamespace: namespace }, additionalSecurityGroups: [callers],
      });
    }
    orders.allowFrom(callers, 8080);
    billing.allowFrom(callers, 8080);
    const deps = dependencies(f.app.synth());
    expect(deps['Platform-Fleet-0']).toEqual(['Platform']);
    expect(deps['Platform-Fleet-1']).toEqual(['Platform']);
    const shop = Template.fromStack(Stack.of(f.fleet.serviceScope('shop')));
    shop.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ SecurityGroups: Match.arrayWith([Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('FleetCallers') })]) }) },
    });
    // The shared group is joined, not connected: the load balancer is admitted to each service's own group only, so no
    // rule on FleetCallers (two identical ones, in the base and the shard stack, fail at deploy; found by a verification trial).
    const ingress = [f.base, ...f.fleet.shardStacks].flatMap((st) => Object.values(Template.fromStack(st).findResources('AWS::EC2::SecurityGroupIngress')));
    expect(ingress.filter((r: any) => JSON.stringify(r.Properties.GroupId).includes('FleetCallers'))).toEqual([]);
  });

  test('additionalSecurityGroups: at most 4 (a task takes 5 groups)', () => {
    const f = fleetApp([], { shards: 1 });
    const vpc = (f.base.node.findChild('Cluster') as EcsCluster).vpc;
    const groups = [1, 2, 3, 4, 5].map((i) => new ec2.SecurityGroup(f.base, `G${i}`, { vpc }));
    expect(() => f.fleet.addWebService('shop', { task: fleetTask(f.fleet.serviceScope('shop')), hostHeaders: ['shop.example.com'], additionalSecurityGroups: groups }))
      .toThrow(/\[ECS-SV-20\] additionalSecurityGroups has 5 security groups: with the service's own group its tasks would join 6 at .*shop\/Service; allowed: at most 4 additional/);
  });

  test('the shard load balancer gets one egress rule call per target port, so the base stack metadata does not move with every service', () => {
    const spy = jest.spyOn(ec2.SecurityGroup.prototype, 'addEgressRule');
    try {
      fleetApp(['a', 'b', 'c'], { shards: 1 });
      expect(spy.mock.calls.filter(([, port]) => JSON.stringify(port).includes('8080'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('the logical ids of a service do not depend on the fleet it is built in', () => {
    const ids = (keys: string[]) => {
      const f = fleetApp(keys, { shards: 2 });
      return f.services.get('orders')!.node.findAll().filter(CfnElement.isCfnElement).map((c) => Stack.of(c).getLogicalId(c as CfnElement)).sort();
    };
    expect(ids(['orders'])).toEqual(ids(['billing', 'orders', 'search']));
  });

  test('CDK_VALIDATION unset, as a user synthesizes: the built-in validator runs and the fleet synthesizes', () => {
    const previous = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    try {
      const f = fleetApp(['orders', 'billing'], { shards: 2 });
      const asm = f.app.synth();
      expect(asm.stacks.length).toBe(1 + f.fleet.shardStacks.length);
      const report = EcsChecks.check(f.app);
      expect(report.findings.map((x) => x.message)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.CDK_VALIDATION;
      else process.env.CDK_VALIDATION = previous;
    }
  });

  test('a fleet with no services adds no stack and no load balancer', () => {
    const f = fleetApp([]);
    expect(f.fleet.shardStacks).toEqual([]);
    expect(f.app.node.children.filter((c) => c instanceof Stack).map((c) => c.node.id)).toEqual(['Platform']);
    Template.fromStack(f.base).resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
  });
});
