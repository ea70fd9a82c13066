import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct, IConstruct } from 'constructs';
import { fail } from '../errors';
import { validateWithRules } from '../plugin/resource-validation';
import { EcsQuota, quotaDefinition } from '../quotas/quota-table';
import { deploymentAlarm } from './base/deployment-alarm';
import { albDeployment, checkTestOptions } from './base/deployment-load-balancing';
import { acknowledgeRedirectListener, protectWithWaf } from './base/load-balancer-defaults';
import {
  enableAccessLogs, LoadBalancedServiceProps, loadBalancerSecurityGroup, loadBalancerSubnets, resolveContainerPort, targetHealthCheck,
} from './base/load-balancing';
import { ServiceBase } from './base/service-base';
import { checkRange } from './base/service-capacity';
import { PORT } from '../rules/tables/capacity-limits';

/** ECS-SV-21: target groups per service, from the quota table (not adjustable). */
export const MAX_TARGET_GROUPS_PER_SERVICE = quotaDefinition(EcsQuota.TARGET_GROUPS_PER_SERVICE).current;
/** ALB listener rule priorities. */
const RULE_PRIORITY = { min: 1, max: 50_000 };
/** The lowest rule precedence: a routed service on its own load balancer after its additional targets. */
const LAST_RULE_PRIORITY = 50_000;
/** Rules on the listener rule a routed WebService target makes. */
const LISTENER_RULE_IDS = ['ECS-SV-34'];

/** A further target group of the same service, routed by host and/or path. */
export interface WebTargetOptions {
  /** Container port to route to (mapped by the main container). */
  readonly containerPort: number;
  /** Listener rule priority, 1-50000, unique on the listener. */
  readonly priority: number;
  /** Host headers that route here. @default - any host */
  readonly hostHeaders?: string[];
  /** Path patterns that route here. @default - any path */
  readonly pathPatterns?: string[];
  /** Health check of this target group, on top of the kit's defaults as the service's healthCheck is. @default - the service's healthCheck */
  readonly healthCheck?: elbv2.HealthCheck;
}

/** Props of a WebService. */
export interface WebServiceProps extends LoadBalancedServiceProps {
  /** TLS policy of the HTTPS listener. @default elbv2.SslPolicy.RECOMMENDED_TLS (TLS 1.3 and 1.2) */
  readonly sslPolicy?: elbv2.SslPolicy;
  /** Open port 80 with a permanent redirect to HTTPS (opt-in). @default false: no port 80 */
  readonly redirectHttp?: boolean;
  /**
   * A shared HTTPS listener to add this service to by host/path rule, instead
   * of a new load balancer (then certificate, logs and redirect are the listener's).
   * @default - a new internal Application Load Balancer
   */
  readonly listener?: elbv2.IApplicationListener;
  /**
   * Listener rule priority (1-50000), required with a shared listener. On the service's own load balancer, hostHeaders or
   * pathPatterns make a rule too: its priority defaults to 50000 (after every additional target), and requests that match
   * no rule get a 404.
   * @default - the listener's default action; 50000 on an own load balancer with hostHeaders or pathPatterns
   */
  readonly priority?: number;
  /** Host headers that route to this service. @default - any host */
  readonly hostHeaders?: string[];
  /** Path patterns that route to this service. @default - any path */
  readonly pathPatterns?: string[];
  /** Up to 4 further target groups (5 per service, ECS-SV-21). @default - none */
  readonly additionalTargets?: WebTargetOptions[];
  /**
   * ARN of a WAFv2 web ACL to associate (NIST and PCI ask for one).
   * @default - internet-facing: a new web ACL with the AWS managed common, known-bad-inputs and IP-reputation rule groups; internal: none
   */
  readonly webAclArn?: string;
  /** With autoScaling: also track this many requests per target per minute. @default - no request-count policy */
  readonly requestsPerTarget?: number;
}

/**
 * A service behind an HTTPS-only Application Load Balancer: internal by
 * default, your certificate, a TLS 1.3 policy, access logs, invalid header
 * fields dropped, deletion protection; tasks accept traffic only from the
 * load balancer's security group.
 */
export class WebService extends ServiceBase {
  /** The load balancer (undefined with a shared listener). */
  public readonly loadBalancer?: elbv2.ApplicationLoadBalancer;
  /** The HTTPS listener. */
  public readonly listener: elbv2.IApplicationListener;
  /** Target groups, the default one first. */
  public readonly targetGroups: elbv2.ApplicationTargetGroup[] = [];
  private _alternateTargetGroup?: elbv2.ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id, props, { loadBalanced: true });
    const path = this.node.path;
    const port = resolveContainerPort(path, this._serviceTask, props.containerPort);
    checkTestOptions(path, this.deployment, 'alb');
    const extra = props.additionalTargets ?? [];
    if (1 + extra.length > MAX_TARGET_GROUPS_PER_SERVICE) {
      fail({
        code: 'ECS-SV-21',
        path,
        problem: `${1 + extra.length} target groups are attached to the service (the main target and ${extra.length} additionalTargets)`,
        allowed: `at most ${MAX_TARGET_GROUPS_PER_SERVICE} target groups per service`,
        fix: `Use at most ${MAX_TARGET_GROUPS_PER_SERVICE - 1} additionalTargets.`,
      });
    }
    if (this.deployment.shiftsTraffic && extra.length > 0) {
      fail({
        code: 'KIT-SERVICE-DEPLOYMENT',
        path,
        problem: `deployment ${this.deployment.strategy} is set with ${extra.length} additionalTargets`,
        allowed: 'blue/green, linear and canary on a WebService with one target group (the kit adds its alternate)',
        fix: 'Remove additionalTargets (route them through separate services), or use ServiceDeployment.rolling().',
      });
    }
    if (props.requestsPerTarget !== undefined && !props.autoScaling) {
      fail({ code: 'KIT-SERVICE-SCALING', path, problem: `requestsPerTarget ${props.requestsPerTarget} is set without autoScaling`, allowed: 'requestsPerTarget with autoScaling', fix: 'Set autoScaling (minCapacity, maxCapacity).' });
    }
    checkRange(path, 'KIT-SERVICE-SCALING', 'requestsPerTarget', props.requestsPerTarget, { min: 1, max: 1_000_000 });

    if (props.listener) {
      if (props.priority === undefined || (!props.hostHeaders?.length && !props.pathPatterns?.length)) {
        fail({
          code: 'KIT-SERVICE-LISTENER-RULE',
          path,
          problem: `a shared listener needs priority and hostHeaders or pathPatterns; priority is ${props.priority ?? 'not set'}, hostHeaders ${listOrUnset(props.hostHeaders)}, pathPatterns ${listOrUnset(props.pathPatterns)}`,
          allowed: 'priority 1-50000 and at least one host header or path pattern',
          // In a ServiceFleet the priority is derived: say only what is missing.
          fix: [props.priority === undefined ? 'Set priority' : '', !props.hostHeaders?.length && !props.pathPatterns?.length ? 'set hostHeaders or pathPatterns' : '']
            .filter(Boolean).join(' and ').replace(/^s/, 'S') + '.',
        });
      }
      this.listener = props.listener;
    } else {
      this.listener = this.createLoadBalancer(props);
      this.loadBalancer = (this.listener as elbv2.ApplicationListener).loadBalancer as elbv2.ApplicationLoadBalancer;
    }

    // On its own load balancer a routed service is one rule among its targets', tried last unless told otherwise.
    const routedOwn = this.loadBalancer !== undefined && (props.hostHeaders?.length || props.pathPatterns?.length);
    const priority = props.priority ?? (routedOwn ? LAST_RULE_PRIORITY : undefined);
    const main = this.addTarget('TargetGroup', port, props.healthCheck, priority, props.hostHeaders, props.pathPatterns, props);
    extra.forEach((t, i) => {
      resolveContainerPort(path, this._serviceTask, t.containerPort);
      if (!t.hostHeaders?.length && !t.pathPatterns?.length) {
        fail({ code: 'KIT-SERVICE-LISTENER-RULE', path, problem: `additionalTargets[${i}] has no hostHeaders or pathPatterns`, allowed: 'at least one host header or path pattern', fix: 'Route the target by host or path.' });
      }
      this.addTarget(`TargetGroup${i + 2}`, t.containerPort, t.healthCheck ?? props.healthCheck, t.priority, t.hostHeaders, t.pathPatterns, props);
    });

    if (props.enableDeploymentAlarms) this.createDeploymentAlarms(main);
    if (this.scalableTaskCount && props.requestsPerTarget !== undefined) {
      this.scalableTaskCount.scaleOnRequestCount('Requests', { requestsPerTarget: props.requestsPerTarget, targetGroup: main });
    }
  }

  /** The target group of the new revision in blue/green, linear and canary deployments. */
  public get alternateTargetGroup(): elbv2.ApplicationTargetGroup | undefined {
    return this._alternateTargetGroup;
  }

  private createLoadBalancer(props: WebServiceProps): elbv2.ApplicationListener {
    if (!props.certificate) {
      fail({ code: 'KIT-SERVICE-CERTIFICATE', path: this.node.path, problem: 'certificate is not set', allowed: 'an ACM certificate for the HTTPS listener', fix: 'Pass certificate: acm.Certificate.fromCertificateArn(...).' });
    }
    const vpc = this._serviceCluster.vpc;
    const listenerPort = props.listenerPort ?? 443;
    checkRange(this.node.path, 'KIT-SERVICE-LISTENER-PORT', 'listenerPort', listenerPort, PORT);
    const sg = loadBalancerSecurityGroup(this, vpc, props, [
      { port: listenerPort, description: `TLS listener ${listenerPort}` },
      ...props.redirectHttp ? [{ port: 80, description: 'HTTP redirect to HTTPS' }] : [],
    ]);
    const alb = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: props.internetFacing ?? false,
      vpcSubnets: loadBalancerSubnets(props, vpc, this.node.path),
      securityGroup: sg,
      deletionProtection: props.deletionProtection ?? true,
      dropInvalidHeaderFields: true,
    });
    protectWithWaf(this, alb, props.internetFacing ?? false, props.webAclArn);
    enableAccessLogs(this, alb, props);
    const listener = alb.addListener('Https', {
      port: listenerPort,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)],
      sslPolicy: props.sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false, // ingress comes from the security group above only
      // Routed by host or path, the service is a rule: a request no rule matches needs a default action.
      ...props.hostHeaders?.length || props.pathPatterns?.length
        ? { defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }) } : {},
    });
    if (props.redirectHttp) {
      const redirect = alb.addListener('HttpRedirect', {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: String(listenerPort), permanent: true }),
      });
      acknowledgeRedirectListener(redirect);
    }
    return listener;
  }

  private addTarget(id: string, port: number, healthCheck: elbv2.HealthCheck | undefined, priority: number | undefined,
    hostHeaders: string[] | undefined, pathPatterns: string[] | undefined, props: WebServiceProps): elbv2.ApplicationTargetGroup {
    const path = this.node.path;
    const tgProps: elbv2.ApplicationTargetGroupProps = {
      vpc: this._serviceCluster.vpc,
      port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: this._serviceTask.networkMode === ecs.NetworkMode.AWS_VPC ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE,
      deregistrationDelay: props.deregistrationDelay ?? Duration.seconds(60),
      healthCheck: { path: '/', ...targetHealthCheck(healthCheck, {}) },
    };
    const tg = new elbv2.ApplicationTargetGroup(this, id, tgProps);
    const blueGreen = id === 'TargetGroup' && this.deployment.shiftsTraffic;
    const containerName = this.mainContainer.containerName;
    if (!blueGreen) tg.addTarget(this.service.loadBalancerTarget({ containerName, containerPort: port }));
    const conditions = [
      ...hostHeaders?.length ? [elbv2.ListenerCondition.hostHeaders(hostHeaders)] : [],
      ...pathPatterns?.length ? [elbv2.ListenerCondition.pathPatterns(pathPatterns)] : [],
    ];
    const routed = conditions.length > 0 || priority !== undefined;
    if (routed) {
      if (priority === undefined) {
        const what = id === 'TargetGroup' ? 'the service' : `target ${id}`;
        fail({
          code: 'KIT-SERVICE-LISTENER-RULE',
          path,
          problem: `${what} routes by ${[hostHeaders?.length ? `hostHeaders ${listOrUnset(hostHeaders)}` : '', pathPatterns?.length ? `pathPatterns ${listOrUnset(pathPatterns)}` : ''].filter(Boolean).join(' and ')} but has no priority`,
          allowed: 'priority 1-50000 with hostHeaders or pathPatterns (a listener rule), or neither (the listener\'s default action)',
          fix: 'Set priority, or remove hostHeaders and pathPatterns to take the listener\'s default action.',
        });
      }
      checkRange(path, 'KIT-SERVICE-LISTENER-RULE', `priority of ${id}`, priority, RULE_PRIORITY);
      claimPriority(this.listener, priority!, `${path}/${id}`);
    }
    if (blueGreen) {
      // The listener's default action (own load balancer) stays a plain forward: ECS rejects non-forward actions there.
      if (this.loadBalancer && !routed) this.listener.addTargetGroups(id, { targetGroups: [tg] });
      this._alternateTargetGroup = new elbv2.ApplicationTargetGroup(this, 'AlternateTargetGroup', tgProps);
      albDeployment(this, {
        service: this.service,
        deployment: this.deployment,
        listener: this.listener,
        primary: tg,
        alternate: this._alternateTargetGroup,
        containerName,
        containerPort: port,
        priority,
        conditions,
        claim: (p, owner) => claimPriority(this.listener, p, owner),
      });
    } else if (routed) {
      let rule: IConstruct | undefined;
      if (this.loadBalancer) {
        this.listener.addTargetGroups(id, { targetGroups: [tg], priority, conditions });
        // aws-cdk-lib names the rule it adds to the listener after the id.
        rule = this.listener.node.tryFindChild(`${id}Rule`);
      } else {
        // A shared listener: the rule lives in this service, so any number of services can add theirs.
        rule = new elbv2.ApplicationListenerRule(this, `${id}Rule`, { listener: this.listener, priority: priority!, conditions, targetGroups: [tg] });
      }
      // The rule's conditions against ELB's limits, at synth (blue/green rules: EcsChecks and the CLI).
      if (rule instanceof elbv2.ApplicationListenerRule) validateWithRules(this, rule.node.defaultChild as elbv2.CfnListenerRule, LISTENER_RULE_IDS);
    } else {
      this.listener.addTargetGroups(id, { targetGroups: [tg] });
    }
    // Tasks accept traffic from the load balancer's security group only (bridge/host: on the instances).
    this.allowFrom(this.listener, port);
    this._checkTargetHealth(this.listener, tg, port, tgProps.healthCheck);
    this.targetGroups.push(tg);
    return tg;
  }

  private createDeploymentAlarms(tg: elbv2.ApplicationTargetGroup): void {
    this.createTargetAlarms(tg, '');
    // The new revision serves from the alternate target group during blue/green, linear and canary deployments.
    if (this._alternateTargetGroup) this.createTargetAlarms(this._alternateTargetGroup, 'Alternate');
  }

  private createTargetAlarms(tg: elbv2.ApplicationTargetGroup, prefix: string): void {
    const period = Duration.minutes(1);
    this.addDeploymentAlarm(deploymentAlarm(this, `${prefix}Target5xxAlarm`, {
      alarmDescription: `Target 5xx responses of ${this.node.path}${prefix ? ' (alternate target group)' : ''}; rolls back a deployment`,
      metric: tg.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' }),
      threshold: 10,
      evaluationPeriods: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }));
    this.addDeploymentAlarm(deploymentAlarm(this, `${prefix}UnhealthyHostsAlarm`, {
      alarmDescription: `Unhealthy targets of ${this.node.path}${prefix ? ' (alternate target group)' : ''}; rolls back a deployment`,
      metric: tg.metrics.unhealthyHostCount({ period, statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }));
  }
}

/** Rule priorities taken on each listener by kit services, to catch a duplicate at construction (ECS-RC-07). */
const PRIORITIES = new WeakMap<elbv2.IApplicationListener, Map<number, string>>();

function claimPriority(listener: elbv2.IApplicationListener, priority: number, owner: string): void {
  const taken = PRIORITIES.get(listener) ?? new Map<number, string>();
  PRIORITIES.set(listener, taken);
  const other = taken.get(priority);
  if (other !== undefined) {
    fail({
      code: 'ECS-RC-07',
      path: owner,
      problem: `listener rule priority ${priority} is already used on this listener by ${other}`,
      allowed: 'a priority unique on the listener (1-50000)',
      fix: `Set another priority on ${owner.replace(/\/TargetGroup\d*$/, '')} (${priorityProp(owner)}).`,
    });
  }
  taken.set(priority, owner);
}

/** The prop that sets the priority a rule of `owner` claims. */
function priorityProp(owner: string): string {
  if (owner.endsWith('/TestRule')) return 'deployment options testListenerRulePriority';
  return /\/TargetGroup$|\/ProductionRule$/.test(owner) ? 'priority' : 'the priority of that entry of additionalTargets';
}

/** A list for an error message: its entries, or `not set`. */
function listOrUnset(list: readonly string[] | undefined): string {
  // A list parameter (valueAsList) is one token for the whole list; an item may be a token too.
  if (list !== undefined && Token.isUnresolved(list)) return '(a value known at deploy time)';
  return list?.length ? list.map((v) => (Token.isUnresolved(v) ? '(a value known at deploy time)' : v)).join(', ') : 'not set';
}
