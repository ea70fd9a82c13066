/**
 * An ingress, egress, listener action or gateway attachment whose target does not resolve, and a nested stack whose
 * template is missing, silence the reach rules only for what they can touch: their own stack, and resources that leave
 * their stack (Outputs, nested stack Parameters). Before, one such template silenced the rules for every template of a
 * `cdk-ecs-kit check` run.
 */
import { CfnTemplate } from '../../../src/rules/model';
import { RC04_LOAD_BALANCER_INGRESS } from '../../../src/rules/reach/rc-04-load-balancer-ingress';
import { RC06_TARGET_GROUP_LISTENER } from '../../../src/rules/reach/rc-06-target-group-listener';
import { RC08_LOAD_BALANCER_PLACEMENT } from '../../../src/rules/reach/rc-08-load-balancer-placement';
import { RC12_LOAD_BALANCER_EGRESS } from '../../../src/rules/reach/rc-12-load-balancer-egress';
import { collectReferences } from '../../../src/rules/reach/unknown-writers';
import { Rule } from '../../../src/rules/rule';
import { assemblyOfStacks, checkAssembly, Resources } from '../helpers';
import { albService, INGRESS, props, ref, sgId } from './fixtures';

const NESTED = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/child.json' } };

/** The App stack (albService, changed by `mutate`) next to an Other stack holding `other`. */
function run(rule: Rule, mutate: (r: Resources) => void, other: Resources, outputs?: CfnTemplate['Outputs']) {
  const app = albService();
  mutate(app);
  const assembly = assemblyOfStacks([
    { name: 'App', template: { Resources: app, ...outputs ? { Outputs: outputs } : {} } },
    { name: 'Other', template: { Resources: { Vpc2: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } }, ...other } } },
  ]);
  return checkAssembly(rule, assembly).map((f) => `${f.ruleId} ${f.path}`);
}

describe('writers whose target is unknown reach their own stack and what leaves it, not other templates', () => {
  const noIngress = (r: Resources) => { delete r.TaskSgFromLb; };
  const unknownIngress = { Any: { Type: INGRESS, Properties: { GroupId: ref('SgParam'), IpProtocol: '-1', CidrIp: '10.0.0.0/8' } } };

  test('ECS-RC-04: an ingress on a parameter in another template no longer silences the rule', () => {
    expect(run(RC04_LOAD_BALANCER_INGRESS, noIngress, unknownIngress)).toEqual(['ECS-RC-04 App/Service']);
    // The same ingress in the service's own template may target its groups.
    expect(run(RC04_LOAD_BALANCER_INGRESS, (r) => { noIngress(r); Object.assign(r, unknownIngress); }, {})).toEqual([]);
    // A group the template hands out (an Output) may be what the parameter names.
    expect(run(RC04_LOAD_BALANCER_INGRESS, noIngress, unknownIngress, { Sg: { Value: sgId('TaskSg'), Export: { Name: 'task-sg' } } })).toEqual([]);
  });

  test('ECS-RC-04: a nested stack without its template, in another template or handed nothing, no longer silences the rule', () => {
    expect(run(RC04_LOAD_BALANCER_INGRESS, noIngress, { Child: NESTED })).toEqual(['ECS-RC-04 App/Service']);
    expect(run(RC04_LOAD_BALANCER_INGRESS, (r) => { noIngress(r); r.Child = NESTED; }, {})).toEqual([]);
    // A group App hands out (an Output, here in Fn::Sub form) may reach the child through an import.
    expect(run(RC04_LOAD_BALANCER_INGRESS, noIngress, { Child: NESTED }, { Sg: { Value: { 'Fn::Sub': '${TaskSg.GroupId}' } } })).toEqual([]);
  });

  test('ECS-RC-06: a listener forwarding to a parameter elsewhere leaves a target group without a listener flagged', () => {
    const noListener = (r: Resources) => { delete r.Listener; delete (r.Service as { DependsOn?: unknown }).DependsOn; };
    const unknownForward = {
      OtherLb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: {} },
      L: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('OtherLb'), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TgParam') }] } },
    };
    expect(run(RC06_TARGET_GROUP_LISTENER, noListener, unknownForward)).toEqual(['ECS-RC-06 App/Service']);
    expect(run(RC06_TARGET_GROUP_LISTENER, noListener, unknownForward, { Tg: { Value: ref('Tg') } })).toEqual([]);
  });

  test('ECS-RC-12: an egress on a parameter elsewhere leaves a closed load balancer group flagged', () => {
    const closed = (r: Resources) => {
      props(r, 'LbSg').SecurityGroupEgress = [{ IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32' }];
    };
    const unknownEgress = { E: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('SgParam'), IpProtocol: '-1', CidrIp: '0.0.0.0/0' } } };
    expect(run(RC12_LOAD_BALANCER_EGRESS, closed, unknownEgress)).toEqual(['ECS-RC-12 App/Service']);
    expect(run(RC12_LOAD_BALANCER_EGRESS, (r) => { closed(r); Object.assign(r, unknownEgress); }, {})).toEqual([]);
  });

  test('ECS-RC-08: a gateway attachment on a parameter elsewhere leaves a VPC without an internet gateway flagged', () => {
    const noGateway = (r: Resources) => { delete r.IgwAttach; };
    const unknownAttach = { A: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcParam'), InternetGatewayId: 'igw-1' } } };
    expect(run(RC08_LOAD_BALANCER_PLACEMENT, noGateway, unknownAttach)).toEqual(['ECS-RC-08 App/Lb']);
    expect(run(RC08_LOAD_BALANCER_PLACEMENT, noGateway, { Child: NESTED })).toEqual(['ECS-RC-08 App/Lb']);
    expect(run(RC08_LOAD_BALANCER_PLACEMENT, (r) => { noGateway(r); r.Child = NESTED; }, {})).toEqual([]);
    expect(run(RC08_LOAD_BALANCER_PLACEMENT, noGateway, unknownAttach, { V: { Value: ref('Vpc') } })).toEqual([]);
  });
});

test('collectReferences: Ref, both Fn::GetAtt forms, Fn::Sub variables (not ${!literal}), nested anywhere', () => {
  const ids = new Set<string>();
  collectReferences({
    A: { Ref: 'One' },
    B: [{ 'Fn::GetAtt': ['Two', 'GroupId'] }, { 'Fn::GetAtt': 'Three.Arn' }],
    C: { 'Fn::Sub': ['${Four.GroupId}-${Five}-${!Six}', { X: { Ref: 'Seven' } }] },
    D: { 'Fn::Join': ['', [{ 'Fn::Sub': '${Eight}' }]] },
  }, ids);
  expect([...ids].sort()).toEqual(['Eight', 'Five', 'Four', 'One', 'Seven', 'Three', 'Two']);
});
