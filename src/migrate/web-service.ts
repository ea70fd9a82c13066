/** 'Load Balanced Web Service' (and a Backend Service's `http`): WebService or NetworkLoadBalancedService. */
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ObjectCode, parseDuration, tsDuration, tsString } from './code';
import { isMap, Path } from './fields';
import { ServicePlan } from './plan';

/** How a web service reaches the shared Application Load Balancer. */
export interface AlbRoute {
  /** The service that owns the load balancer (its variable name), or undefined when this one does. */
  readonly owner?: string;
  /** Listener rule priority on the owner's listener. */
  readonly priority?: number;
}

/** Copilot's `http` section on a WebService. */
export function mapHttp(plan: ServicePlan, route: AlbRoute, internetFacing: boolean): void {
  const f = plan.fields;
  const s = plan.service;
  if (f.peek('http') === true) f.get('http');
  const path = f.str('http.path') ?? '/';
  if (route.owner) {
    s.set('listener', `${route.owner}.listener`);
    s.set('priority', String(route.priority));
    const clean = path.replace(/^\/+|\/+$/g, '');
    s.set('pathPatterns', clean ? `['/${clean}', '/${clean}/*']` : '[\'/*\']');
    // Copilot adds the aliases as a host-header condition: two services on / are told apart by host.
    const hosts = aliasNames(f.peek('http.alias'));
    if (hosts.length > 0) s.set('hostHeaders', `[${hosts.map((h) => tsString(h)).join(', ')}]`);
    for (const k of ['allowed_source_ips', 'redirect_to_https']) {
      plan.todo(['http', k], `the load balancer belongs to ${route.owner}: set it there`, s);
    }
  } else {
    s.set('certificate', 'props.certificate');
    s.set('internetFacing', String(internetFacing));
    if (path !== '/') s.comment(`// This service owns the load balancer: its default action forwards every path, not only ${path}.`);
    const ips = f.peek('http.allowed_source_ips');
    if (Array.isArray(ips) && ips.length > 0) {
      f.get(['http', 'allowed_source_ips', 0]);
      s.set('listenerPeer', `ec2.Peer.ipv4(${tsString(String(ips[0]))})`);
      ips.slice(1).forEach((_, i) => plan.todo(['http', 'allowed_source_ips', i + 1], 'listenerPeer takes one peer: add the others with loadBalancer.connections.allowFrom(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443))', s));
    }
    const redirect = f.bool('http.redirect_to_https');
    // Copilot redirects HTTP to HTTPS on an HTTPS public listener unless told not to; the kit's listener is always HTTPS.
    if (internetFacing) s.set('redirectHttp', String(redirect ?? true));
    else if (redirect !== undefined) s.set('redirectHttp', String(redirect));
  }
  // Copilot's COPILOT_LB_DNS. Set after the service: the load balancer is made with it (no cycle: the ALB needs no task definition).
  plan.afterService.push(`${plan.taskVar}.defaultContainer.addEnvironment('COPILOT_LB_DNS', ${route.owner ?? plan.v}.loadBalancer!.loadBalancerDnsName);`);
  s.set('healthCheck', albHealthCheck(plan));
  const dereg = f.peek('http.deregistration_delay');
  if (dereg !== undefined) setDuration(plan, ['http', 'deregistration_delay'], 'deregistrationDelay');
  targetContainer(plan, 'http');
  const stickiness = f.bool('http.stickiness');
  if (stickiness) plan.afterService.push(`${plan.v}.targetGroups[0].enableCookieStickiness(Duration.days(1));`);
  const version = f.peek('http.version');
  if (version === 'http1' || version === 'HTTP1') f.get('http.version');
  else plan.todo('http.version', 'set protocolVersion on the target group: (service.targetGroups[0].node.defaultChild as elbv2.CfnTargetGroup).protocolVersion', s);
  const lb = route.owner ? `${route.owner}.loadBalancer` : 'service.loadBalancer';
  plan.todo('http.alias', `DNS: point the name at ${lb} (route53.ARecord with route53_targets.LoadBalancerTarget) and make props.certificate cover it${route.owner ? '; the listener rule routes it by host already' : ''}`, s);
  plan.todo('http.hosted_zone', 'DNS: the hosted zone for the alias record (route53.HostedZone.fromHostedZoneAttributes)', s);
  plan.todo('http.additional_rules', 'add further target groups with additionalTargets (containerPort, priority, pathPatterns) after mapping their ports on the container', s);
  plan.todo('http.alb', 'an imported ALB: pass its HTTPS listener as listener (elbv2.ApplicationListener.fromApplicationListenerAttributes) with priority and pathPatterns', s);
}

/** `nlb:` on a service with `http: false`. */
export function mapNlb(plan: ServicePlan): void {
  const f = plan.fields;
  const s = plan.service;
  s.set('certificate', 'props.certificate');
  s.set('internetFacing', 'true');
  const port = f.peek('nlb.port');
  if (port !== undefined) {
    const [num, proto] = String(port).split('/');
    s.set('listenerPort', String(Number(num)));
    if ((proto ?? 'tcp').toLowerCase() === 'tls') f.get('nlb.port');
    else plan.todo('nlb.port', `the kit's NLB listener is TLS with props.certificate (listenerPort ${Number(num)}); plain ${proto ?? 'tcp'} needs an elbv2.NetworkLoadBalancer of your own`, s);
  }
  const hc = f.peek('nlb.healthcheck');
  if (isMap(hc)) s.set('healthCheck', targetHealthCheck(plan, ['nlb', 'healthcheck'], false).render(''));
  if (f.has('nlb.deregistration_delay')) setDuration(plan, ['nlb', 'deregistration_delay'], 'deregistrationDelay');
  const policy = f.peek('nlb.ssl_policy');
  // Loaded here, as in task.ts: `check` must start without aws-cdk-lib.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SslPolicy } = require('aws-cdk-lib/aws-elasticloadbalancingv2') as typeof elbv2;
  const key = Object.entries(SslPolicy).find(([, v]) => v === policy)?.[0];
  if (key) {
    f.get('nlb.ssl_policy');
    s.set('sslPolicy', `elbv2.SslPolicy.${key}`);
  } else {
    plan.todo('nlb.ssl_policy', 'not an elbv2.SslPolicy value', s);
  }
  targetContainer(plan, 'nlb');
  plan.todo('nlb.alias', 'DNS: point the name at service.loadBalancer (route53.ARecord with route53_targets.LoadBalancerTarget)', s);
  plan.todo('nlb.hosted_zone', 'DNS: the hosted zone for the alias record', s);
  plan.todo('nlb.additional_listeners', 'the kit\'s NLB has one TLS listener: add others with service.loadBalancer.addListener', s);
  plan.todo('nlb.stickiness', 'set the target group attribute stickiness.enabled on service.targetGroup', s);
}

function targetContainer(plan: ServicePlan, section: string): void {
  const f = plan.fields;
  const target = f.peek([section, 'target_container']);
  if (target === plan.name) f.get([section, 'target_container']);
  else plan.todo([section, 'target_container'], 'the kit routes to the main container only; make the sidecar the main container, or add a target group for it', plan.service);
  const tp = f.peek([section, 'target_port']);
  if (tp !== undefined && Number(tp) === plan.port) f.get([section, 'target_port']);
  else if (tp !== undefined) plan.todo([section, 'target_port'], `the main container maps port ${plan.port ?? '(none)'}: add the port to its portMappings and set containerPort`, plan.service);
}

function setDuration(plan: ServicePlan, path: Path, key: string, into: ObjectCode = plan.service): void {
  const sec = parseDuration(plan.fields.peek(path));
  if (sec === undefined) {plan.todo(path, 'not a duration', into);} else {
    plan.fields.get(path);
    into.set(key, tsDuration(sec));
  }
}

/** A health check path as Copilot renders it: `healthz` becomes `/healthz` (ELB rejects a path without the slash, ECS-SV-33). */
function slashed(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * Copilot left out of its target group what `http.healthcheck` does not set, so the load balancer's defaults applied
 * (Copilot's http.healthcheck docs: healthy 5, unhealthy 2, every 30 s, timeout 5 s, code 200). The kit's are 2/3:
 * write Copilot's out.
 */
const ALB_DEFAULTS = { healthy: 5, unhealthy: 2, interval: 30, timeout: 5, codes: '200' } as const;

/** `http.healthcheck` (a path, a map, or absent) with Copilot's effective defaults for what it leaves out. */
function albHealthCheck(plan: ServicePlan): string {
  const f = plan.fields;
  const given = f.peek('http.healthcheck');
  const hc = isMap(given) ? targetHealthCheck(plan, ['http', 'healthcheck'], true)
    : new ObjectCode().set('path', typeof given === 'string' ? tsString(slashed(f.str('http.healthcheck')!)) : "'/'");
  if (hc.get('healthyHttpCodes') === undefined) hc.set('healthyHttpCodes', tsString(ALB_DEFAULTS.codes));
  if (hc.get('healthyThresholdCount') === undefined) hc.set('healthyThresholdCount', String(ALB_DEFAULTS.healthy));
  if (hc.get('unhealthyThresholdCount') === undefined) hc.set('unhealthyThresholdCount', String(ALB_DEFAULTS.unhealthy));
  const interval = parseDuration(f.peek('http.healthcheck.interval')) ?? ALB_DEFAULTS.interval;
  if (hc.get('interval') === undefined) hc.set('interval', tsDuration(ALB_DEFAULTS.interval));
  // ELB wants the timeout below the interval; with a short interval Copilot left the timeout unset too.
  if (hc.get('timeout') === undefined && ALB_DEFAULTS.timeout < interval) hc.set('timeout', tsDuration(ALB_DEFAULTS.timeout));
  return hc.render('');
}

/** A target group health check (ALB: path, codes; both: port, thresholds, interval, timeout, grace period). */
function targetHealthCheck(plan: ServicePlan, base: Path, alb: boolean): ObjectCode {
  const f = plan.fields;
  const hc = new ObjectCode();
  if (alb) {
    hc.set('path', f.has([...base, 'path']) ? tsString(slashed(f.str([...base, 'path'])!)) : "'/'");
    hc.set('healthyHttpCodes', f.has([...base, 'success_codes']) ? tsString(f.str([...base, 'success_codes'])!) : undefined);
  }
  // The kit's services let the load balancer reach a health check port of their own, as Copilot's environment did.
  const port = f.has([...base, 'port']) ? f.str([...base, 'port'])! : undefined;
  hc.set('port', port !== undefined ? tsString(port) : undefined);
  // Copilot checked over HTTPS on port 443 (template.ALBListenerRule.HealthCheckProtocol).
  if (alb && port === '443') hc.set('protocol', 'elbv2.Protocol.HTTPS');
  const healthy = f.num([...base, 'healthy_threshold']);
  if (healthy !== undefined) hc.set('healthyThresholdCount', String(healthy));
  const unhealthy = f.num([...base, 'unhealthy_threshold']);
  if (unhealthy !== undefined) hc.set('unhealthyThresholdCount', String(unhealthy));
  if (f.has([...base, 'interval'])) setDuration(plan, [...base, 'interval'], 'interval', hc);
  if (f.has([...base, 'timeout'])) setDuration(plan, [...base, 'timeout'], 'timeout', hc);
  if (f.has([...base, 'grace_period'])) setDuration(plan, [...base, 'grace_period'], 'healthCheckGracePeriod');
  return hc;
}

/** Host names of `http.alias`: a name, a list of names, or a list of { name, hosted_zone }. */
function aliasNames(alias: unknown): string[] {
  const list = Array.isArray(alias) ? alias : [alias];
  return list.map((a) => (isMap(a) ? a.name : a)).filter((a): a is string => typeof a === 'string' && a.length > 0);
}
