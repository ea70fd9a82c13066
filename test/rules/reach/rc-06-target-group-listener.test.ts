/** ECS-RC-06: a service's target group needs a listener or listener rule forwarding to it. */
import { RC06_TARGET_GROUP_LISTENER } from '../../../src/rules/reach/rc-06-target-group-listener';
import { check, checkAssembly } from '../helpers';
import { albService, lbEntry, props, ref, RULE, splitStacks } from './fixtures';

const rule = RC06_TARGET_GROUP_LISTENER;

/** The fixture with the listener's default action no longer forwarding. */
function noForward() {
  const r = albService();
  props(r, 'Listener').DefaultActions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }];
  return r;
}

describe('ECS-RC-06 target group without a listener', () => {
  test('good: a listener default action forwards to the group', () => {
    expect(check(rule, albService())).toEqual([]);
  });

  test('bad: no listener or rule forwards to the group', () => {
    const findings = check(rule, noForward());
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe("[ECS-RC-06] target group Tg has no listener or listener rule forwarding to it, so it is not associated with any load balancer at TestStack/Service; allowed: a target group that a listener's DefaultActions or a listener rule's Actions forward to. Add a listener or listener rule that forwards to Tg (listener.addTargetGroups('Default', { targetGroups: [tg] })).");
    expect(findings[0].property).toBe('Properties/LoadBalancers/0/TargetGroupArn');
  });

  test('good: a weighted ForwardConfig or a listener rule forwards to the group', () => {
    const r = albService();
    props(r, 'Listener').DefaultActions = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: ref('Tg'), Weight: 1 }] } }];
    expect(check(rule, r)).toEqual([]);
    const withRule = noForward();
    withRule.Rule = { Type: RULE, Properties: { ListenerArn: ref('Listener'), Priority: 5, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] } };
    expect(check(rule, withRule)).toEqual([]);
  });

  test('good: a listener rule in another stack, on a listener imported by literal ARN, forwards to the group', () => {
    const r = noForward();
    r.Rule = { Type: RULE, Properties: { ListenerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shared/1/2', Priority: 5, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] } };
    const assembly = splitStacks(r, ['Rule'], ['App', 'Routing']);
    expect(JSON.stringify(assembly.stacks[1].resource('Rule')!.properties.Actions)).toContain('Fn::ImportValue');
    expect(checkAssembly(rule, assembly)).toEqual([]);
  });

  test('cross-stack: target group imported into the service stack, nothing forwards to it', () => {
    const findings = checkAssembly(rule, splitStacks(noForward(), ['Service'], ['Lb', 'Svc']));
    expect(findings.map((f) => [f.stack, f.logicalId])).toEqual([['Svc', 'Service']]);
    expect(findings[0].message).toContain('target group Lb/Tg has no listener');
  });

  test('unresolved: any listener or rule with actions or target groups that do not resolve; a target group outside the assembly', () => {
    const cases: ((r: ReturnType<typeof albService>) => void)[] = [
      (r) => { r.Other = { Type: RULE, Properties: { ListenerArn: ref('Listener'), Priority: 9, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: { Ref: 'TgParam' } }] } }; },
      (r) => { r.Other = { Type: RULE, Properties: { ListenerArn: ref('Listener'), Priority: 9, Conditions: [], Actions: { 'Fn::If': ['C', [], []] } } }; },
      (r) => { r.Other = { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('Lb'), Port: 81, DefaultActions: [{ Type: 'forward', TargetGroupArn: { 'Fn::ImportValue': 'elsewhere' } }] } }; },
      (r) => { r.Nested = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } }; },
      (r) => { lbEntry(r).TargetGroupArn = { Ref: 'TgParam' }; },
    ];
    cases.forEach((mutate, i) => {
      const r = noForward();
      mutate(r);
      expect({ i, findings: check(rule, r) }).toEqual({ i, findings: [] });
    });
  });

  test('a listener forwarding to a literal ARN elsewhere does not make the assembly incomplete', () => {
    const r = noForward();
    r.Other = { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('Lb'), Port: 81, DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/x/1' }] } };
    expect(check(rule, r)).toHaveLength(1);
  });
});
