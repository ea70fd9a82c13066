/** Reach load-balancing rules over templates synthesized from aws-cdk-lib L2 constructs. */
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { EcsChecks } from '../../../src';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { REACH_RULES } from '../../../src/rules/reach';

/** An app that writes aws:cdk:path metadata, as the CDK CLI does. */
function newApp(): App {
  return new App({ context: { 'aws:cdk:enable-path-metadata': true } });
}

/** The load-balancing rules; these VPCs have no egress on purpose, which ECS-RC-01 (tested in its own file) would report. */
const LB_RULES = REACH_RULES.filter((r) => r.id !== 'ECS-RC-01');

function assemblyOf(...stacks: Stack[]): AssemblyModel {
  return new AssemblyModel(stacks.map((s) => ({ name: s.stackName, template: Template.fromStack(s).toJSON() })));
}

/** `ruleId stack type property` of every reach finding. */
function reach(...stacks: Stack[]): string[] {
  const assembly = assemblyOf(...stacks);
  return runRules(assembly, { rules: LB_RULES }).map((f) => {
    const type = assembly.stacks.find((s) => s.name === f.stack)!.resource(f.logicalId)!.type;
    return `${f.ruleId} ${f.stack} ${type} ${f.property}`;
  });
}

function messages(...stacks: Stack[]): string[] {
  return runRules(assemblyOf(...stacks), { rules: LB_RULES }).map((f) => f.message);
}

function base(stack: Stack, vpcProps: ec2.VpcProps = { maxAzs: 2, natGateways: 0 }) {
  const vpc = new ec2.Vpc(stack, 'Vpc', vpcProps);
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), portMappings: [{ containerPort: 8080 }] });
  return { vpc, cluster, task };
}

const SERVICE_SGS = 'AWS::ECS::Service Properties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups';

describe('reach load-balancing rules on aws-cdk-lib L2 templates', () => {
  test('good: ApplicationLoadBalancedFargateService and NetworkLoadBalancedFargateService', () => {
    const app = newApp();
    const alb = new Stack(app, 'Alb');
    const a = base(alb);
    new ecsPatterns.ApplicationLoadBalancedFargateService(alb, 'Web', { cluster: a.cluster, taskDefinition: a.task });
    const nlb = new Stack(app, 'Nlb');
    const n = base(nlb);
    const svc = new ecsPatterns.NetworkLoadBalancedFargateService(nlb, 'Web', { cluster: n.cluster, taskDefinition: n.task });
    svc.service.connections.allowFrom(ec2.Peer.ipv4(n.vpc.vpcCidrBlock), ec2.Port.tcp(8080));
    expect(reach(alb)).toEqual([]);
    expect(reach(nlb)).toEqual([]);
  });

  test('ECS-RC-04: NetworkLoadBalancedFargateService as documented leaves the task security group closed (aws-cdk#1490)', () => {
    const stack = new Stack(newApp(), 'Nlb');
    const { cluster, task } = base(stack);
    new ecsPatterns.NetworkLoadBalancedFargateService(stack, 'Web', { cluster, taskDefinition: task });
    expect(reach(stack)).toEqual([`ECS-RC-04 Nlb ${SERVICE_SGS}`]);
    expect(messages(stack)[0]).toContain('admits network load balancer Web/LB (no security groups: only CIDR or prefix-list rules can match its traffic and health checks) on container port 8080/tcp');
  });

  test('ECS-RC-04, ECS-RC-11 and ECS-RC-12: NetworkLoadBalancedFargateService with security groups on the NLB (cdk init\'s flag) admits no one', () => {
    const nlbStack = (open: boolean) => {
      const app = new App({ context: { 'aws:cdk:enable-path-metadata': true, '@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault': true } });
      const stack = new Stack(app, 'Nlb');
      const n = base(stack);
      const svc = new ecsPatterns.NetworkLoadBalancedFargateService(stack, 'Web', { cluster: n.cluster, taskDefinition: n.task });
      if (open) {
        svc.loadBalancer.connections.allowFrom(ec2.Peer.anyIpv4(), ec2.Port.tcp(80));
        svc.service.connections.allowFrom(svc.loadBalancer, ec2.Port.tcp(8080));
      }
      return stack;
    };
    // The NLB's group also has aws-cdk-lib's "Disallow all traffic" egress: ECS-RC-12.
    expect(reach(nlbStack(false))).toEqual([
      'ECS-RC-11 Nlb AWS::ElasticLoadBalancingV2::Listener Properties/Port',
      `ECS-RC-04 Nlb ${SERVICE_SGS}`,
      'ECS-RC-12 Nlb AWS::ECS::Service Properties/LoadBalancers',
    ]);
    expect(messages(nlbStack(false))[0]).toContain('listener port 80/tcp of load balancer Web/LB admits no clients: no ingress rule of its security groups (Web/LB/SecurityGroup) covers 80/tcp at Nlb/Web/LB/PublicListener');
    expect(reach(nlbStack(true))).toEqual([]);
  });

  test('ECS-RC-04: a UDP service behind an NLB with security groups must also admit the TCP health checks', () => {
    const udpStack = (healthChecks: boolean) => {
      const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
      const stack = new Stack(app, 'Dns');
      const { vpc, cluster } = base(stack);
      const task = new ecs.FargateTaskDefinition(stack, 'DnsTask');
      task.addContainer('dns', { image: ecs.ContainerImage.fromRegistry('coredns/coredns:1.11.1'), portMappings: [{ containerPort: 53, protocol: ecs.Protocol.UDP }] });
      const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
      const nlbSg = new ec2.SecurityGroup(stack, 'NlbSg', { vpc, allowAllOutbound: false });
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, securityGroups: [nlbSg] });
      nlb.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.udp(53));
      nlb.addListener('Udp', { port: 53, protocol: elbv2.Protocol.UDP }).addTargets('Dns', {
        port: 53,
        protocol: elbv2.Protocol.UDP,
        targets: [service.loadBalancerTarget({ containerName: 'dns', containerPort: 53, protocol: ecs.Protocol.UDP })],
      });
      service.connections.allowFrom(nlb, ec2.Port.udp(53));
      if (healthChecks) service.connections.allowFrom(nlb, ec2.Port.tcp(53));
      return stack;
    };
    const bad = udpStack(false);
    // The NLB group's egress is a separate resource, so the group keeps EC2's allow-all default: no ECS-RC-12.
    expect(reach(bad)).toEqual([`ECS-RC-04 Dns ${SERVICE_SGS}`]);
    expect(messages(bad)[0]).toContain('admits load balancer Nlb (security group NlbSg) on health check port 53/tcp of target group Nlb/Udp/DnsGroup');
    expect(reach(udpStack(true))).toEqual([]);
  });

  test('good: listener.addTargets writes the ingress as a separate AWS::EC2::SecurityGroupIngress', () => {
    const stack = new Stack(newApp(), 'Good');
    const { vpc, cluster, task } = base(stack);
    const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
    lb.addListener('Http', { port: 80 }).addTargets('App', { port: 8080, targets: [service] });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 1);
    expect(reach(stack)).toEqual([]);
  });

  test('ECS-RC-04: a health check port that aws-cdk-lib does not open on the task security group', () => {
    const build = (open: boolean) => {
      const stack = new Stack(newApp(), 'Hc');
      const { vpc, cluster, task } = base(stack);
      const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
      const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
      lb.addListener('Http', { port: 80 }).addTargets('App', { port: 8080, targets: [service], healthCheck: { port: '8081' } });
      if (open) service.connections.allowFrom(lb, ec2.Port.tcp(8081));
      return stack;
    };
    const bad = build(false);
    expect(reach(bad)).toEqual([`ECS-RC-04 Hc ${SERVICE_SGS}`]);
    expect(messages(bad)[0]).toBe('[ECS-RC-04] No security group of the tasks (Service/SecurityGroup) admits load balancer Lb (security group Lb/SecurityGroup) on health check port 8081/tcp of target group Lb/Http/AppGroup at Hc/Service/Service; allowed: ingress from Lb/SecurityGroup (or a CIDR covering it) on 8081/tcp. Add task security group ingress from the load balancer\'s security group on 8081/tcp (service.connections.allowFrom(lb, Port.tcp(8081)); in a template, an AWS::EC2::SecurityGroupIngress on a task group with '
      + 'SourceSecurityGroupId the load balancer\'s group, IpProtocol tcp, FromPort and ToPort 8081).');
    expect(reach(build(true))).toEqual([]);
  });

  test('ECS-RC-04, ECS-RC-05 and ECS-RC-12: a target group wired in through an escape hatch', () => {
    const stack = new Stack(newApp(), 'Hatch');
    const { vpc, cluster, task } = base(stack);
    const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
    const tg = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 8080 });
    lb.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
    (service.node.defaultChild as ecs.CfnService).addPropertyOverride('LoadBalancers', [
      { ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: tg.targetGroupArn },
    ]);
    // Nothing wired the ALB's group (allowAllOutbound false) to the tasks either: ECS-RC-12.
    expect(reach(stack)).toEqual([
      `ECS-RC-04 Hatch ${SERVICE_SGS}`,
      'ECS-RC-05 Hatch AWS::ECS::Service Properties/LoadBalancers/0/TargetGroupArn',
      'ECS-RC-12 Hatch AWS::ECS::Service Properties/LoadBalancers',
    ]);
  });

  test('ECS-RC-06: a target group with no listener', () => {
    const stack = new Stack(newApp(), 'Orphan');
    const { vpc, cluster, task } = base(stack);
    const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
    const tg = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 8080, targetType: elbv2.TargetType.IP });
    service.attachToApplicationTargetGroup(tg);
    expect(reach(stack)).toEqual(['ECS-RC-06 Orphan AWS::ECS::Service Properties/LoadBalancers/0/TargetGroupArn']);
  });

  test('ECS-RC-07: two listeners on port 80 and two rules with one priority', () => {
    const stack = new Stack(newApp(), 'Dup');
    const { vpc, cluster, task } = base(stack);
    const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
    const listener = lb.addListener('Http', { port: 80 });
    listener.addTargets('App', { port: 8080, targets: [service] });
    lb.addListener('Again', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    listener.addAction('A', { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/a'])], action: elbv2.ListenerAction.fixedResponse(200) });
    listener.addAction('B', { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/b'])], action: elbv2.ListenerAction.fixedResponse(200) });
    expect(reach(stack)).toEqual([
      'ECS-RC-07 Dup AWS::ElasticLoadBalancingV2::Listener Properties/Port',
      'ECS-RC-07 Dup AWS::ElasticLoadBalancingV2::ListenerRule Properties/Priority',
    ]);
  });

  test('ECS-RC-08: an ALB in one public subnet; an internet-facing ALB in a VPC without an internet gateway', () => {
    const one = new Stack(newApp(), 'OneAz');
    const a = base(one);
    new elbv2.ApplicationLoadBalancer(one, 'Lb', { vpc: a.vpc, internetFacing: true, vpcSubnets: { subnets: [a.vpc.publicSubnets[0]] } });
    expect(reach(one)).toEqual(['ECS-RC-08 OneAz AWS::ElasticLoadBalancingV2::LoadBalancer Properties/Subnets']);

    const isolated = new Stack(newApp(), 'Isolated');
    const i = base(isolated, { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    new elbv2.ApplicationLoadBalancer(isolated, 'Lb', { vpc: i.vpc, internetFacing: true, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
    expect(reach(isolated)).toEqual(['ECS-RC-08 Isolated AWS::ElasticLoadBalancingV2::LoadBalancer Properties/Scheme']);
  });

  test('cross-stack good: load balancer in a network stack, listener rule, target group and ingress in the service stack', () => {
    const app = newApp();
    const net = new Stack(app, 'Net');
    const { vpc, cluster } = base(net);
    const lb = new elbv2.ApplicationLoadBalancer(net, 'Lb', { vpc, internetFacing: true });
    const listener = lb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    const svcStack = new Stack(app, 'Svc');
    const service = new ecs.FargateService(svcStack, 'Service', { cluster, taskDefinition: new ecs.FargateTaskDefinition(svcStack, 'Task') });
    service.taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), portMappings: [{ containerPort: 8080 }] });
    new elbv2.ApplicationListenerRule(svcStack, 'Rule', {
      listener,
      priority: 10,
      conditions: [elbv2.ListenerCondition.pathPatterns(['/app/*'])],
      action: elbv2.ListenerAction.forward([new elbv2.ApplicationTargetGroup(svcStack, 'Tg', { vpc, port: 8080, targets: [service] })]),
    });
    const assembly = assemblyOf(net, svcStack);
    expect(JSON.stringify(assembly.stacks[1].ofType('AWS::ElasticLoadBalancingV2::ListenerRule')[0].properties)).toContain('Fn::ImportValue');
    expect(reach(net, svcStack)).toEqual([]);
  });

  // aws-cdk-lib passes the parent's groups and target group into a NestedStack as parameters: both templates are in
  // the assembly, so the reach rules judge them (they stay silent only when a nested template is missing).
  test('nested stack: a service in a NestedStack behind the parent\'s ALB, with an EFS file system of the parent', () => {
    const build = (open: boolean) => {
      const app = newApp();
      const parent = new Stack(app, 'Parent');
      const vpc = new ec2.Vpc(parent, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const cluster = new ecs.Cluster(parent, 'Cluster', { vpc });
      const lb = new elbv2.ApplicationLoadBalancer(parent, 'Lb', { vpc, internetFacing: true });
      const tg = new elbv2.ApplicationTargetGroup(parent, 'Tg', { vpc, port: 8080, targetType: elbv2.TargetType.IP });
      lb.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
      const fileSystem = new efs.FileSystem(parent, 'Fs', { vpc });
      const inner = new NestedStack(parent, 'Services');
      const task = new ecs.FargateTaskDefinition(inner, 'Task');
      task.addVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: fileSystem.fileSystemId, transitEncryption: 'ENABLED' } });
      task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), portMappings: [{ containerPort: 8080 }] })
        .addMountPoints({ sourceVolume: 'data', containerPath: '/data', readOnly: false });
      const service = new ecs.FargateService(inner, 'Service', { cluster, taskDefinition: task });
      if (open) {
        tg.addTarget(service); // Adds the tasks' ingress and the ALB's egress, in the nested template.
        fileSystem.connections.allowDefaultPortFrom(service);
      } else {
        // Registered through an escape hatch, with ingress on the task group alone: the ALB's group gets no egress.
        (service.node.defaultChild as ecs.CfnService).addPropertyOverride('LoadBalancers', [
          { ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: tg.targetGroupArn },
        ]);
        service.connections.securityGroups[0].addIngressRule(lb.connections.securityGroups[0], ec2.Port.tcp(8080));
      }
      return app;
    };
    const ids = new Set(LB_RULES.map((r) => r.id));
    const found = (app: App) => EcsChecks.check(app).findings.filter((f) => ids.has(f.ruleId)).map((f) => `${f.ruleId} ${f.path}`);
    expect(found(build(false))).toEqual([
      'ECS-RC-13 Parent/Services/Service/Service',
      'ECS-RC-12 Parent/Services/Service/Service',
    ]);
    expect(found(build(true))).toEqual([]);
  });
});
