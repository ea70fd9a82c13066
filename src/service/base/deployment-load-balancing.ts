/**
 * Blue/green, linear and canary deployments behind an ALB or NLB: the
 * alternate target group, the production and test listener rule (ALB) or
 * listeners (NLB), and the LoadBalancers[].AdvancedConfiguration that names
 * them with the ECS infrastructure role for load balancers.
 */
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { deploymentError, loadBalancerInfrastructureRole, ServiceDeployment } from './deployment';
import { checkRange } from './service-capacity';
import { fail } from '../../errors';

/** The header that routes a request to the new revision: the one Service Connect uses by default for test traffic. */
export const TEST_TRAFFIC_HEADER = 'x-amzn-ecs-blue-green-test';
const RULE_PRIORITY = { min: 1, max: 50_000 };

/** The listener rules an ALB blue/green deployment shifts. */
export interface AlbDeploymentRules {
  readonly alternate: elbv2.ApplicationTargetGroup;
  readonly productionRule: elbv2.ApplicationListenerRule;
  readonly testRule: elbv2.ApplicationListenerRule;
}

/** Where an ALB service's main target sits. */
export interface AlbDeploymentInput {
  readonly service: ecs.BaseService;
  readonly deployment: ServiceDeployment;
  readonly listener: elbv2.IApplicationListener;
  readonly primary: elbv2.ApplicationTargetGroup;
  readonly alternate: elbv2.ApplicationTargetGroup;
  readonly containerName: string;
  readonly containerPort: number;
  /** The production rule's priority; undefined on the service's own load balancer without host/path routing. */
  readonly priority?: number;
  readonly conditions: elbv2.ListenerCondition[];
  /** Takes a priority on the listener (ECS-RC-07 at construction). */
  readonly claim: (priority: number, owner: string) => void;
}

/**
 * Production rule (the service's host/path, or every path) and test rule
 * (the same plus the test header, higher precedence), both forwarding
 * 100/0 to the primary and alternate target groups; ECS moves the weights.
 */
export function albDeployment(scope: Construct, input: AlbDeploymentInput): AlbDeploymentRules {
  const path = scope.node.path;
  const given = input.deployment.options.testListenerRulePriority;
  if (given === undefined && input.priority !== undefined) {
    deploymentError(path, 'testListenerRulePriority', `is not set, and the production rule has priority ${input.priority}`,
      'a test rule priority (1-50000) unique on the listener', 'Set deployment options testListenerRulePriority, e.g. priority - 1 if free.');
  }
  const testPriority = given ?? 1;
  const priority = input.priority ?? 2;
  checkRange(path, 'KIT-SERVICE-LISTENER-RULE', 'testListenerRulePriority', testPriority, RULE_PRIORITY);
  const weighted = () => elbv2.ListenerAction.weightedForward([
    { targetGroup: input.primary, weight: 100 },
    { targetGroup: input.alternate, weight: 0 },
  ]);
  if (input.priority === undefined) input.claim(priority, `${path}/ProductionRule`);
  input.claim(testPriority, `${path}/TestRule`);
  const productionRule = new elbv2.ApplicationListenerRule(scope, 'ProductionRule', {
    listener: input.listener,
    priority,
    conditions: input.conditions.length ? input.conditions : [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: weighted(),
  });
  const testRule = new elbv2.ApplicationListenerRule(scope, 'TestRule', {
    listener: input.listener,
    priority: testPriority,
    conditions: [...input.conditions, elbv2.ListenerCondition.httpHeader(TEST_TRAFFIC_HEADER, ['*'])],
    action: weighted(),
  });
  input.primary.addTarget(input.service.loadBalancerTarget({
    containerName: input.containerName,
    containerPort: input.containerPort,
    alternateTarget: new ecs.AlternateTarget('AlternateTarget', {
      alternateTargetGroup: input.alternate,
      productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(productionRule),
      testListener: ecs.ListenerRuleConfiguration.applicationListenerRule(testRule),
      role: loadBalancerInfrastructureRole(scope),
    }),
  }));
  input.service.node.addDependency(productionRule, testRule);
  return { alternate: input.alternate, productionRule, testRule };
}

/** The production and (optional) test listener of an NLB service. */
export interface NlbDeploymentInput {
  readonly service: ecs.BaseService;
  readonly primary: elbv2.NetworkTargetGroup;
  readonly alternate: elbv2.NetworkTargetGroup;
  readonly production: elbv2.NetworkListener;
  readonly test?: elbv2.NetworkListener;
  readonly containerName: string;
  readonly containerPort: number;
}

/** Listener default actions that forward 100/0 to the primary and alternate target groups. */
export function nlbWeightedForward(primary: elbv2.INetworkTargetGroup, alternate: elbv2.INetworkTargetGroup): elbv2.NetworkListenerAction {
  return elbv2.NetworkListenerAction.weightedForward([{ targetGroup: primary, weight: 100 }, { targetGroup: alternate, weight: 0 }]);
}

/** Register the service with its alternate target and NLB listeners (ARNs of listeners, not rules). */
export function nlbDeployment(scope: Construct, input: NlbDeploymentInput): void {
  input.primary.addTarget(input.service.loadBalancerTarget({
    containerName: input.containerName,
    containerPort: input.containerPort,
    alternateTarget: new ecs.AlternateTarget('AlternateTarget', {
      alternateTargetGroup: input.alternate,
      productionListener: ecs.ListenerRuleConfiguration.networkListener(input.production),
      testListener: input.test ? ecs.ListenerRuleConfiguration.networkListener(input.test) : undefined,
      role: loadBalancerInfrastructureRole(scope),
    }),
  }));
  input.service.node.addDependency(input.production, ...input.test ? [input.test] : []);
}

/** The test-traffic option of the other load balancer kind is an error, not silently ignored. */
export function checkTestOptions(path: string, deployment: ServiceDeployment, kind: 'alb' | 'nlb'): void {
  const o = deployment.options;
  const [prop, value, owner] = kind === 'alb'
    ? ['testListenerPort', o.testListenerPort, 'NetworkLoadBalancedService']
    : ['testListenerRulePriority', o.testListenerRulePriority, 'WebService'];
  if (value === undefined) return;
  fail({
    code: 'KIT-SERVICE-DEPLOYMENT',
    path,
    problem: `deployment ${prop} ${value} is set on a ${kind === 'alb' ? 'WebService (Application' : 'NetworkLoadBalancedService (Network'} Load Balancer)`,
    allowed: `${prop} on ${owner} only`,
    fix: kind === 'alb' ? 'Remove testListenerPort: the WebService test rule matches the x-amzn-ecs-blue-green-test header (testListenerRulePriority).' : 'Remove testListenerRulePriority; set testListenerPort for a test listener.',
  });
}
