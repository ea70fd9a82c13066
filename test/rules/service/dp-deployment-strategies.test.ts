/** ECS-DP-01..06: ECS-native blue/green, linear and canary deployments over synthesized templates. */
import { service } from './fixtures';
import { Severity } from '../../../src/rules/rule';
import { DP01_STRATEGY_CONTROLLER as dp01 } from '../../../src/rules/service/dp-01-strategy-controller';
import { DP02_STRATEGY_DAEMON as dp02 } from '../../../src/rules/service/dp-02-strategy-daemon';
import { DP03_STEPPED_NEEDS_TRAFFIC_ROUTING as dp03 } from '../../../src/rules/service/dp-03-stepped-needs-traffic-routing';
import { DP04_ADVANCED_CONFIGURATION as dp04 } from '../../../src/rules/service/dp-04-advanced-configuration';
import { DP05_ALTERNATE_TARGET_GROUP as dp05 } from '../../../src/rules/service/dp-05-alternate-target-group';
import { DP06_LIFECYCLE_HOOKS as dp06 } from '../../../src/rules/service/dp-06-lifecycle-hooks';
import { DP07_LISTENER_RULE_FORWARD_ONLY as dp07 } from '../../../src/rules/service/dp-07-listener-rule-forward-only';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const strategy = (Strategy: unknown, extra: Record<string, unknown> = {}) => ({ DeploymentConfiguration: { Strategy, ...extra } });
const advanced = (extra: Record<string, unknown> = {}) => ({
  AlternateTargetGroupArn: { Ref: 'Green' }, ProductionListenerRule: { Ref: 'ProdRule' }, RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ...extra,
});
const lb = (AdvancedConfiguration?: unknown, TargetGroupArn: unknown = { Ref: 'Blue' }) =>
  ({ LoadBalancers: [{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn, ...AdvancedConfiguration === undefined ? {} : { AdvancedConfiguration } }] });

describe('ECS-DP-01 strategy needs the ECS deployment controller', () => {
  test('bad: BLUE_GREEN with CODE_DEPLOY, CANARY with EXTERNAL', () => {
    const f = check(dp01, { S: service({ ...strategy('BLUE_GREEN'), DeploymentController: { Type: 'CODE_DEPLOY' } }) });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'ECS-DP-01', property: 'Properties/DeploymentConfiguration/Strategy' });
    expect(f[0].message).toContain('Strategy BLUE_GREEN is set on a service with the CODE_DEPLOY deployment controller');
    expect(check(dp01, { S: service({ ...strategy('CANARY'), DeploymentController: { Type: 'EXTERNAL' } }) })).toHaveLength(1);
  });
  test('good: LINEAR with ECS or no controller; ROLLING with CODE_DEPLOY', () => {
    expect(check(dp01, { S: service({ ...strategy('LINEAR'), DeploymentController: { Type: 'ECS' } }) })).toEqual([]);
    expect(check(dp01, { S: service(strategy('LINEAR')) })).toEqual([]);
    expect(check(dp01, { S: service({ ...strategy('ROLLING'), DeploymentController: { Type: 'CODE_DEPLOY' } }) })).toEqual([]);
  });
  test('skipped: token strategy or controller', () => {
    expect(check(dp01, { S: service({ ...strategy(TOKEN), DeploymentController: { Type: 'CODE_DEPLOY' } }) })).toEqual([]);
    expect(check(dp01, { S: service({ ...strategy('BLUE_GREEN'), DeploymentController: { Type: { Ref: 'P' } } }) })).toEqual([]);
  });
});

describe('ECS-DP-02 blue/green on DAEMON services (warning)', () => {
  test('bad: BLUE_GREEN on DAEMON is a warning', () => {
    const f = check(dp02, { S: service({ ...strategy('BLUE_GREEN'), SchedulingStrategy: 'DAEMON' }) });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'ECS-DP-02', severity: Severity.WARNING });
  });
  test('good: ROLLING DAEMON; BLUE_GREEN REPLICA', () => {
    expect(check(dp02, { S: service({ SchedulingStrategy: 'DAEMON' }) })).toEqual([]);
    expect(check(dp02, { S: service(strategy('BLUE_GREEN')) })).toEqual([]);
  });
  test('skipped: token scheduling strategy', () => {
    expect(check(dp02, { S: service({ ...strategy('LINEAR'), SchedulingStrategy: TOKEN }) })).toEqual([]);
  });
});

describe('ECS-DP-03 linear and canary need a load balancer or Service Connect', () => {
  test('bad: LINEAR headless; CANARY with Service Connect client only', () => {
    const f = check(dp03, { S: service(strategy('LINEAR')) });
    expect(f[0]).toMatchObject({ ruleId: 'ECS-DP-03', property: 'Properties/DeploymentConfiguration/Strategy' });
    expect(f[0].message).toContain('no load balancer target group and no Service Connect service');
    expect(check(dp03, { S: service({ ...strategy('CANARY'), ServiceConnectConfiguration: { Enabled: true, Namespace: 'ns' } }) })).toHaveLength(1);
  });
  test('good: LINEAR with a target group; CANARY with a Service Connect service; BLUE_GREEN headless', () => {
    expect(check(dp03, { S: service({ ...strategy('LINEAR'), ...lb(advanced()) }) })).toEqual([]);
    expect(check(dp03, { S: service({ ...strategy('CANARY'), ServiceConnectConfiguration: { Enabled: true, Services: [{ PortName: 'api' }] } }) })).toEqual([]);
    expect(check(dp03, { S: service(strategy('BLUE_GREEN')) })).toEqual([]);
  });
  test('skipped: token load balancers, Service Connect or strategy', () => {
    expect(check(dp03, { S: service({ ...strategy('LINEAR'), LoadBalancers: { 'Fn::If': ['C', [], []] } }) })).toEqual([]);
    expect(check(dp03, { S: service({ ...strategy('LINEAR'), ServiceConnectConfiguration: { Enabled: TOKEN } }) })).toEqual([]);
    expect(check(dp03, { S: service(strategy({ Ref: 'S' })) })).toEqual([]);
  });
});

describe('ECS-DP-04 AdvancedConfiguration completeness', () => {
  test('bad: BLUE_GREEN target group without AdvancedConfiguration; LINEAR without role and production rule', () => {
    const f = check(dp04, { S: service({ ...strategy('BLUE_GREEN'), ...lb() }) });
    expect(f[0]).toMatchObject({ ruleId: 'ECS-DP-04', property: 'Properties/LoadBalancers/0' });
    expect(f[0].message).toContain('LoadBalancers[0] has no AdvancedConfiguration with Strategy BLUE_GREEN');
    const g = check(dp04, { S: service({ ...strategy('LINEAR'), ...lb({ AlternateTargetGroupArn: { Ref: 'Green' } }) }) });
    expect(g[0].property).toBe('Properties/LoadBalancers/0/AdvancedConfiguration');
    expect(g[0].message).toContain('has no ProductionListenerRule, RoleArn');
  });
  test('good: complete AdvancedConfiguration; ROLLING without it', () => {
    expect(check(dp04, { S: service({ ...strategy('CANARY'), ...lb(advanced({ TestListenerRule: { Ref: 'TestRule' } })) }) })).toEqual([]);
    expect(check(dp04, { S: service({ ...strategy('ROLLING'), ...lb() }) })).toEqual([]);
    expect(check(dp04, { S: service(lb()) })).toEqual([]);
  });
  test('bad: an Application Load Balancer listener given as ProductionListenerRule or TestListenerRule (found by a deployments user trial)', () => {
    const alb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } };
    const listener = { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { Ref: 'Lb' }, Port: 443 } };
    const svc = service({ ...strategy('BLUE_GREEN'), ...lb(advanced({ ProductionListenerRule: { Ref: 'Listener' }, TestListenerRule: { Ref: 'Listener' } })) });
    const [prod, test, ...rest] = check(dp04, { Lb: alb, Listener: listener, S: svc });
    expect(rest).toEqual([]);
    expect(prod).toMatchObject({ property: 'Properties/LoadBalancers/0/AdvancedConfiguration/ProductionListenerRule', severity: 'error' });
    expect(prod.message).toBe('[ECS-DP-04] ProductionListenerRule of LoadBalancers[0] is the listener TestStack/Listener of Application Load Balancer '
      + 'TestStack/Lb, not a listener rule at TestStack/S; allowed: for an Application Load Balancer, the ARN of a listener rule '
      + '(AWS::ElasticLoadBalancingV2::ListenerRule) that forwards to the target groups; a listener only for a Network Load Balancer. '
      + "Point ProductionListenerRule at a listener rule of that listener (in aws-cdk-lib, an ApplicationListenerRule's listenerRuleArn) whose "
      + 'forward action weights both target groups.');
    expect(test.property).toBe('Properties/LoadBalancers/0/AdvancedConfiguration/TestListenerRule');
    // A Network Load Balancer's listener is what ECS wants there; a listener rule of the ALB too.
    const nlb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network' } };
    expect(check(dp04, { Lb: nlb, Listener: listener, S: svc })).toEqual([]);
    const rule = { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'Listener' }, Priority: 1 } };
    const ruleSvc = service({ ...strategy('BLUE_GREEN'), ...lb(advanced({ ProductionListenerRule: { Ref: 'Rule' } })) });
    expect(check(dp04, { Lb: alb, Listener: listener, Rule: rule, S: ruleSvc })).toEqual([]);
    // A listener whose load balancer is imported is not judged.
    expect(check(dp04, { Listener: { ...listener, Properties: { LoadBalancerArn: 'arn:aws:elasticloadbalancing:x' } }, S: svc })).toEqual([]);
  });
  test('skipped: token AdvancedConfiguration or strategy', () => {
    expect(check(dp04, { S: service({ ...strategy('BLUE_GREEN'), ...lb({ 'Fn::If': ['C', {}, {}] }) }) })).toEqual([]);
    expect(check(dp04, { S: service({ ...strategy(TOKEN), ...lb() }) })).toEqual([]);
  });
});

describe('ECS-DP-05 alternate target group differs from the production one', () => {
  test('bad: same Ref; same literal ARN', () => {
    const f = check(dp05, { S: service({ ...strategy('BLUE_GREEN'), ...lb(advanced({ AlternateTargetGroupArn: { Ref: 'Blue' } })) }) });
    expect(f[0]).toMatchObject({ ruleId: 'ECS-DP-05', property: 'Properties/LoadBalancers/0/AdvancedConfiguration/AlternateTargetGroupArn' });
    const arn = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/blue/0123456789abcdef';
    expect(check(dp05, { S: service(lb(advanced({ AlternateTargetGroupArn: arn }), arn)) })).toHaveLength(1);
  });
  test('good: two target groups', () => {
    expect(check(dp05, { S: service({ ...strategy('BLUE_GREEN'), ...lb(advanced()) }) })).toEqual([]);
  });
  test('skipped: token target group ARNs', () => {
    expect(check(dp05, { S: service(lb(advanced({ AlternateTargetGroupArn: TOKEN }), TOKEN)) })).toEqual([]);
    expect(check(dp05, { S: service(lb(advanced({ AlternateTargetGroupArn: { 'Fn::ImportValue': 'x' } }), { 'Fn::ImportValue': 'x' })) })).toEqual([]);
  });
});

describe('ECS-DP-06 lifecycle hooks', () => {
  const hooks = (...h: unknown[]) => service(strategy('BLUE_GREEN', { LifecycleHooks: h }));
  const fn = 'arn:aws:lambda:eu-west-1:111111111111:function:check';
  const role = { 'Fn::GetAtt': ['HookRole', 'Arn'] };
  test('bad: unknown stage, repeated stage, empty stages, no target, no role', () => {
    const unknown = check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: ['BEFORE_INSTALL'] }) });
    expect(unknown[0]).toMatchObject({ ruleId: 'ECS-DP-06', property: 'Properties/DeploymentConfiguration/LifecycleHooks/0/LifecycleStages' });
    expect(unknown[0].message).toContain("unknown stage 'BEFORE_INSTALL'");
    expect(check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: ['PRE_SCALE_UP', 'PRE_SCALE_UP'] }) })[0].message).toContain('lists stage PRE_SCALE_UP twice');
    expect(check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: [] }) })[0].message).toContain('has no LifecycleStages');
    expect(check(dp06, { S: hooks({ RoleArn: role, LifecycleStages: ['PRE_SCALE_UP'] }) })[0].property).toMatch(/HookTargetArn$/);
    expect(check(dp06, { S: hooks({ HookTargetArn: fn, LifecycleStages: ['PRE_SCALE_UP'] }) })[0].property).toMatch(/RoleArn$/);
    // An unknown stage is named even after a repeated one (found by a deployments user trial).
    const both = check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: ['POST_TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'BOGUS'] }) });
    expect(both.map((f) => f.message)).toEqual([expect.stringContaining("unknown stage 'BOGUS'")]);
  });
  test('bad: a Lambda hook named as such without its target; good: a PAUSE hook has no target or role', () => {
    const lambda = check(dp06, { S: hooks({ TargetType: 'AWS_LAMBDA', RoleArn: role, LifecycleStages: ['PRE_SCALE_UP'] }) });
    expect(lambda[0].message).toContain('Lambda lifecycle hook #0 has no HookTargetArn');
    expect(lambda[0].message).toContain('or TargetType PAUSE for a hook that waits for ContinueServiceDeployment');
    // As in the ECS guide's pause hook example (pause-lifecycle-hooks.html).
    const pause = { TargetType: 'PAUSE', LifecycleStages: ['POST_SCALE_UP'], TimeoutConfiguration: { TimeoutInMinutes: 60, Action: 'ROLLBACK' } };
    expect(check(dp06, { S: hooks(pause) })).toEqual([]);
    expect(check(dp06, { S: hooks({ ...pause, TargetType: TOKEN }) })).toEqual([]);
    expect(check(dp06, { S: hooks({ ...pause, LifecycleStages: ['POST_SCALE_UP', 'POST_SCALE_UP'] }) })[0].message).toContain('lists stage POST_SCALE_UP twice');
  });
  test('good: every stage once, PRE_PRODUCTION_TRAFFIC_SHIFT too (the CloudFormation schema has it; a deployments user trial saw it refused)', () => {
    const all = ['RECONCILE_SERVICE', 'PRE_SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'];
    expect(check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: all }) })).toEqual([]);
  });
  test('skipped: token stages and hooks', () => {
    expect(check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: [TOKEN] }) })).toEqual([]);
    expect(check(dp06, { S: hooks({ HookTargetArn: fn, RoleArn: role, LifecycleStages: { Ref: 'Stages' } }) })).toEqual([]);
    expect(check(dp06, { S: service(strategy('BLUE_GREEN', { LifecycleHooks: { 'Fn::If': ['C', [], []] } })) })).toEqual([]);
  });
});

describe('ECS-DP-07 production and test listener rules only forward', () => {
  const forward = { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: 'Blue' }, Weight: 100 }, { TargetGroupArn: { Ref: 'Green' }, Weight: 0 }] } };
  const rule = (...Actions: unknown[]) => ({ Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'L' }, Priority: 1, Conditions: [], Actions } });
  const svc = (s = 'BLUE_GREEN') => service({ ...strategy(s), ...lb(advanced({ TestListenerRule: { Ref: 'TestRule' } })) });
  test('bad: authenticate + forward on the production rule; fixed-response test rule', () => {
    const f = check(dp07, { S: svc(), ProdRule: rule({ Type: 'authenticate-oidc', Order: 1 }, { ...forward, Order: 2 }), TestRule: rule({ Type: 'fixed-response' }) });
    expect(f.map((x) => x.property)).toEqual([
      'Properties/LoadBalancers/0/AdvancedConfiguration/ProductionListenerRule', 'Properties/LoadBalancers/0/AdvancedConfiguration/TestListenerRule',
    ]);
    expect(f[0]).toMatchObject({ ruleId: 'ECS-DP-07' });
    expect(f[0].message).toContain('is a listener rule with actions authenticate-oidc, forward');
  });
  test('good: forward-only rules; ROLLING ignores them; rules outside the app are not judged', () => {
    expect(check(dp07, { S: svc(), ProdRule: rule(forward), TestRule: rule(forward) })).toEqual([]);
    expect(check(dp07, { S: svc('ROLLING'), ProdRule: rule({ Type: 'redirect' }), TestRule: rule(forward) })).toEqual([]);
    const imported = service({ ...strategy('LINEAR'), ...lb(advanced({ ProductionListenerRule: 'arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/x/y/z/w' })) });
    expect(check(dp07, { S: imported })).toEqual([]);
  });
  test('skipped: token action types', () => {
    expect(check(dp07, { S: svc(), ProdRule: rule({ Type: TOKEN }, forward), TestRule: rule({ 'Fn::If': ['C', {}, {}] }) })).toEqual([]);
  });
});
