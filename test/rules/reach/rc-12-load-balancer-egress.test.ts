/** ECS-RC-12: load balancer security groups must allow egress to the tasks. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC12_LOAD_BALANCER_EGRESS } from '../../../src/rules/reach/rc-12-load-balancer-egress';
import { check, checkAssembly } from '../helpers';
import { albService, props, sgId, splitStacks } from './fixtures';

const rule = RC12_LOAD_BALANCER_EGRESS;
const EGRESS = 'AWS::EC2::SecurityGroupEgress';
/** What aws-cdk-lib writes for allowAllOutbound: false. */
const DISALLOW_ALL = { CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 };

/** The fixture with the load balancer's group closed outbound. */
function closed() {
  const r = albService();
  props(r, 'LbSg').SecurityGroupEgress = [DISALLOW_ALL];
  return r;
}

describe('ECS-RC-12 load balancer egress to the tasks', () => {
  test('good: EC2\'s default egress (no SecurityGroupEgress); an egress rule to the task group, inline or separate; all traffic; a CIDR', () => {
    expect(check(rule, albService())).toEqual([]);
    const variants: Record<string, unknown>[] = [
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: sgId('TaskSg') },
      { IpProtocol: '-1', CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationPrefixListId: 'pl-12345678' },
    ];
    for (const v of variants) {
      const inline = closed();
      props(inline, 'LbSg').SecurityGroupEgress = [DISALLOW_ALL, v];
      expect(check(rule, inline)).toEqual([]);
      const separate = closed();
      separate.LbSgToTasks = { Type: EGRESS, Properties: { GroupId: sgId('LbSg'), ...v } };
      expect(check(rule, separate)).toEqual([]);
    }
  });

  test('bad: only aws-cdk-lib\'s "Disallow all traffic" rule', () => {
    const findings = check(rule, closed());
    expect(findings).toHaveLength(1);
    expect(findings[0].property).toBe('Properties/LoadBalancers');
    expect(findings[0].message).toBe('[ECS-RC-12] load balancer Lb cannot reach the tasks on container port 8080/tcp: no egress rule of its security groups (LbSg) '
      + 'allows it to TaskSg at TestStack/Service; allowed: egress from LbSg on 8080/tcp to TaskSg (or a CIDR covering the tasks). '
      + 'Use service.connections.allowFrom(lb, Port.tcp(8080)), which adds the load balancer\'s egress with the tasks\' ingress, '
      + 'or add the egress rule (lbSecurityGroup.addEgressRule(taskSecurityGroup, Port.tcp(8080)); in a template, an AWS::EC2::SecurityGroupEgress '
      + 'on the load balancer\'s group with DestinationSecurityGroupId a task group, FromPort and ToPort 8080).');
  });

  test('bad: egress on another port, to another group; a health check port left out', () => {
    const wrong: Record<string, unknown>[] = [
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, DestinationSecurityGroupId: sgId('TaskSg') },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: sgId('LbSg') },
      { IpProtocol: 'udp', FromPort: 8080, ToPort: 8080, CidrIp: '0.0.0.0/0' },
    ];
    for (const w of wrong) {
      const r = closed();
      r.LbSgToTasks = { Type: EGRESS, Properties: { GroupId: sgId('LbSg'), ...w } };
      expect(check(rule, r).map((f) => f.ruleId)).toEqual(['ECS-RC-12']);
    }
    const hc = closed();
    props(hc, 'Tg').HealthCheckPort = '8081';
    hc.LbSgToTasks = { Type: EGRESS, Properties: { GroupId: sgId('LbSg'), IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: sgId('TaskSg') } };
    expect(check(rule, hc).map((f) => f.message)).toEqual([expect.stringContaining('cannot reach the tasks on health check port 8081/tcp of target group Tg')]);
  });

  test('UDP target group: egress over UDP on the container port and TCP for the health checks', () => {
    const udp = (...protocols: string[]) => {
      const r = closed();
      Object.assign(props(r, 'Lb'), { Type: 'network' });
      Object.assign(props(r, 'Listener'), { Protocol: 'UDP' });
      Object.assign(props(r, 'Tg'), { Protocol: 'UDP' });
      protocols.forEach((p, i) => {
        r[`LbSgToTasks${i}`] = { Type: EGRESS, Properties: { GroupId: sgId('LbSg'), IpProtocol: p, FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: sgId('TaskSg') } };
      });
      return check(rule, r).map((f) => f.message);
    };
    expect(udp('tcp')).toEqual([expect.stringContaining('cannot reach the tasks on container port 8080/udp')]);
    expect(udp('tcp')[0]).toContain('Port.udp(8080)');
    expect(udp('udp')).toEqual([expect.stringContaining('cannot reach the tasks on health check port 8080/tcp of target group Tg')]);
    expect(udp('udp', 'tcp')).toEqual([]);
  });

  test('skipped: unresolved egress, an egress resource on an unresolved group, groups outside the assembly, an NLB without groups, a missing nested template', () => {
    const list = closed();
    props(list, 'LbSg').SecurityGroupEgress = { Ref: 'EgressRules' };
    expect(check(rule, list)).toEqual([]);
    const anyGroup = closed();
    anyGroup.Somewhere = { Type: EGRESS, Properties: { GroupId: { Ref: 'GroupParam' }, IpProtocol: '-1', CidrIp: '0.0.0.0/0' } };
    expect(check(rule, anyGroup)).toEqual([]);
    const unknownDestination = closed();
    unknownDestination.LbSgOut = { Type: EGRESS, Properties: { GroupId: sgId('LbSg'), IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: 'sg-0123' } };
    expect(check(rule, unknownDestination)).toEqual([]);
    const outside = closed();
    props(outside, 'Lb').SecurityGroups = [sgId('LbSg'), 'sg-0123456789abcdef0'];
    expect(check(rule, outside)).toEqual([]);
    const nlb = closed();
    Object.assign(props(nlb, 'Lb'), { Type: 'network', SecurityGroups: undefined });
    expect(check(rule, nlb)).toEqual([]);
    // A nested stack whose template is not in the assembly could add the egress.
    const nested = closed();
    nested.Nested = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } };
    expect(check(rule, nested)).toEqual([]);
    expect(check(rule, closed())).toHaveLength(1);
  });

  test('cross-stack: the load balancer\'s group in a network stack, its egress resource in the service stack', () => {
    const r = closed();
    r.LbSgToTasks = { Type: EGRESS, Properties: { GroupId: sgId('LbSg'), IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: sgId('TaskSg') } };
    const moved = ['Listener', 'Tg', 'Task', 'Service', 'TaskSg', 'TaskSgFromLb', 'LbSgToTasks'];
    expect(checkAssembly(rule, splitStacks(r, moved, ['Net', 'App']))).toEqual([]);
    delete r.LbSgToTasks;
    expect(checkAssembly(rule, splitStacks(r, moved.slice(0, -1), ['Net', 'App'])).map((f) => `${f.stack}/${f.logicalId}`)).toEqual(['App/Service']);
  });

  test('aws-cdk-lib: ingress written on the task group alone misses the ALB\'s egress; connections.allowFrom adds both', () => {
    const build = (viaConnections: boolean) => {
      const stack = new Stack(new App(), 'Web');
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
      const task = new ecs.FargateTaskDefinition(stack, 'Task');
      task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), portMappings: [{ containerPort: 8080 }] });
      const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
      const tg = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP });
      lb.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
      const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
      const entry = { ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: tg.targetGroupArn };
      (service.node.defaultChild as ecs.CfnService).addPropertyOverride('LoadBalancers', [entry]);
      if (viaConnections) {service.connections.allowFrom(lb, ec2.Port.tcp(8080));} else {
        const lbGroup = ec2.Peer.securityGroupId(lb.connections.securityGroups[0].securityGroupId);
        service.connections.securityGroups[0].addIngressRule(lbGroup, ec2.Port.tcp(8080));
      }
      const model = new AssemblyModel([{ name: 'Web', template: Template.fromStack(stack).toJSON() }]);
      return runRules(model, { rules: [rule] }).map((f) => f.ruleId);
    };
    expect(build(false)).toEqual(['ECS-RC-12']);
    expect(build(true)).toEqual([]);
  });
});
