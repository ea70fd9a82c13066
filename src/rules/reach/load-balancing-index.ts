/**
 * Lookups over the load balancing and security group resources of an
 * assembly, built once per assembly (cached by AssemblyModel) so that rules
 * over services do not scan every resource again:
 * target group -> listeners and listener rules -> load balancer, listeners
 * per load balancer, rules per listener, and security group -> ingress rules
 * (inline SecurityGroupIngress and separate AWS::EC2::SecurityGroupIngress).
 *
 * Anything that cannot be followed is recorded as "incomplete", so rules that
 * need the whole picture can stay silent.
 */
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { Ipv4Range, ipv4Range, overlaps } from './address-ranges';
import { UnknownWriters } from './unknown-writers';
import { SERVICE } from '../service/service-facts';
import { isUnresolved, toArray, toNumber, toObject, toStr } from '../values';

export const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
export const SECURITY_GROUP_INGRESS = 'AWS::EC2::SecurityGroupIngress';

/** A listener or listener rule that forwards to a target group. */
export interface Forwarder {
  /** The listener or listener rule resource. */
  readonly resource: TemplateResource;
  /** The listener: the resource itself, or the rule's listener when it is in the assembly. */
  readonly listener?: TemplateResource;
  /** The load balancer, when the listener's LoadBalancerArn resolves to one in the assembly. */
  readonly loadBalancer?: TemplateResource;
}

/** Where an ingress rule admits traffic from. */
export type IngressSource =
  | { readonly kind: 'group'; readonly group: TemplateResource }
  /** CidrIp, CidrIpv6 or SourcePrefixListId: addresses; `range` only for a literal IPv4 CidrIp. */
  | { readonly kind: 'address'; readonly range?: Ipv4Range }
  /** A security group outside the assembly (literal id), a group name, or an unresolved value. */
  | { readonly kind: 'unknown' };

export interface IngressRule {
  /** The security group (inline rule) or the AWS::EC2::SecurityGroupIngress resource. */
  readonly origin: TemplateResource;
  /** Lower-case IpProtocol; undefined when unresolved. */
  readonly protocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly source: IngressSource;
}

export interface LoadBalancingIndex {
  /** Listeners per load balancer key (see referenceKey), in template order. */
  readonly listenersByLoadBalancer: ReadonlyMap<string, readonly TemplateResource[]>;
  /** Listener rules per listener key (see referenceKey), in template order. */
  readonly rulesByListener: ReadonlyMap<string, readonly TemplateResource[]>;
  /**
   * True when a listener or listener rule whose actions or target groups do not resolve, or a nested stack whose template
   * is not in the assembly, may forward to this target group (see UnknownWriters).
   */
  forwardingUnknown(targetGroup: TemplateResource): boolean;
  /** Listeners and listener rules forwarding to a target group of the assembly. */
  forwardersOf(targetGroup: TemplateResource): readonly Forwarder[];
  /**
   * Ingress rules of a security group of the assembly; undefined when some are unresolved, or when an ingress rule whose
   * GroupId does not resolve, or a nested stack whose template is not in the assembly, may add to it (see UnknownWriters).
   */
  ingressOf(group: TemplateResource): readonly IngressRule[] | undefined;
}

/** The ingress rules of all the groups, together; undefined when any group's are not decidable (see ingressOf). */
export function ingressOfAll(index: LoadBalancingIndex, groups: Iterable<TemplateResource>): IngressRule[] | undefined {
  const rules: IngressRule[] = [];
  for (const g of groups) {
    const r = index.ingressOf(g);
    if (!r) return undefined;
    rules.push(...r);
  }
  return rules;
}

/** The index of an assembly, built on first use. */
export function loadBalancingIndex(assembly: AssemblyModel): LoadBalancingIndex {
  return assembly.derived(buildIndex, buildIndex);
}

/**
 * Identity of a referenced resource: `res:Stack/LogicalId` for a resource of
 * the assembly, `lit:value` for a literal (ARN or id), undefined otherwise.
 */
export function referenceKey(value: unknown, stack: StackModel, assembly: AssemblyModel): string | undefined {
  const res = assembly.resolveResource(value, stack);
  if (res) return resourceKey(res);
  const literal = assembly.resolveString(value, stack);
  return literal === undefined ? undefined : `lit:${literal}`;
}

export function resourceKey(resource: TemplateResource): string {
  return `res:${resource.stack.name}/${resource.logicalId}`;
}

/** Target group values of a list of actions; undefined when the list or an action is unresolved. */
export function forwardTargets(actions: unknown): unknown[] | undefined {
  if (actions === undefined) return [];
  const list = toArray(actions);
  if (!list) return undefined;
  const out: unknown[] = [];
  for (const entry of list) {
    const action = toObject(entry);
    if (!action) return undefined;
    if (action.TargetGroupArn !== undefined) out.push(action.TargetGroupArn);
    if (action.ForwardConfig === undefined) continue;
    const config = toObject(action.ForwardConfig);
    if (!config) return undefined;
    if (config.TargetGroups === undefined) continue;
    const groups = toArray(config.TargetGroups);
    if (!groups) return undefined;
    for (const g of groups) {
      const tuple = toObject(g);
      if (!tuple) return undefined;
      out.push(tuple.TargetGroupArn);
    }
  }
  return out;
}

function buildIndex(assembly: AssemblyModel): LoadBalancingIndex {
  // A nested stack without its template may hold listeners and ingress rules for what its parent hands it.
  const unknownForwards = UnknownWriters.of(assembly);
  const forwarders = new Map<TemplateResource, Forwarder[]>();
  const listenersByLoadBalancer = new Map<string, TemplateResource[]>();
  const rulesByListener = new Map<string, TemplateResource[]>();

  const addForwards = (resource: TemplateResource, actions: unknown, listener?: TemplateResource) => {
    const targets = forwardTargets(actions);
    if (!targets) {
      unknownForwards.add(resource.stack);
      return;
    }
    const lbValue = listener?.properties.LoadBalancerArn;
    const lb = listener ? assembly.resolveResource(lbValue, listener.stack) : undefined;
    const loadBalancer = lb?.type === LOAD_BALANCER ? lb : undefined;
    for (const t of targets) {
      const tg = assembly.resolveResource(t, resource.stack);
      if (tg?.type === TARGET_GROUP) {
        const list = forwarders.get(tg) ?? [];
        list.push({ resource, listener, loadBalancer });
        forwarders.set(tg, list);
      } else if (tg !== undefined || assembly.resolveString(t, resource.stack) === undefined) {
        // Unresolved (a parameter, Fn::If, an import outside the assembly): could be any target group it can name.
        unknownForwards.add(resource.stack);
      }
      // A literal ARN names a target group outside the assembly.
    }
  };

  for (const listener of assembly.ofType(LISTENER)) {
    addForwards(listener, listener.properties.DefaultActions, listener);
    const key = referenceKey(listener.properties.LoadBalancerArn, listener.stack, assembly);
    if (key) push(listenersByLoadBalancer, key, listener);
  }
  for (const rule of assembly.ofType(LISTENER_RULE)) {
    const target = assembly.resolveResource(rule.properties.ListenerArn, rule.stack);
    addForwards(rule, rule.properties.Actions, target?.type === LISTENER ? target : undefined);
    const key = referenceKey(rule.properties.ListenerArn, rule.stack, assembly);
    if (key) push(rulesByListener, key, rule);
  }

  const { ingress, incompleteGroups, unknownIngress } = indexIngress(assembly);
  return {
    forwardersOf: (tg) => forwarders.get(tg) ?? [],
    forwardingUnknown: (tg) => unknownForwards.reach(tg),
    listenersByLoadBalancer,
    rulesByListener,
    ingressOf: (group) => (incompleteGroups.has(group) || unknownIngress.reach(group) ? undefined : ingress.get(group) ?? []),
  };
}

function indexIngress(assembly: AssemblyModel) {
  const ingress = new Map<TemplateResource, IngressRule[]>();
  const incompleteGroups = new Set<TemplateResource>();
  const unknownIngress = UnknownWriters.of(assembly);

  for (const group of assembly.ofType(SECURITY_GROUP)) {
    const inline = group.properties.SecurityGroupIngress;
    if (inline === undefined) continue;
    const list = toArray(inline);
    if (!list) {
      incompleteGroups.add(group);
      continue;
    }
    for (const entry of list) {
      const props = toObject(entry);
      if (!props) {
        incompleteGroups.add(group);
        continue;
      }
      push(ingress, group, ingressRule(group, props, assembly));
    }
  }

  const byName = new Map<string, TemplateResource[]>();
  for (const group of assembly.ofType(SECURITY_GROUP)) {
    const name = toStr(group.properties.GroupName);
    if (name !== undefined) push(byName, name, group);
  }
  for (const res of assembly.ofType(SECURITY_GROUP_INGRESS)) {
    const p = res.properties;
    const idValue = p.GroupId;
    if (idValue === undefined) {
      // GroupName (default VPC): attach to every group of that name in the assembly.
      const name = assembly.resolveString(p.GroupName, res.stack);
      if (name === undefined) unknownIngress.add(res.stack);
      else for (const g of byName.get(name) ?? []) push(ingress, g, ingressRule(res, p, assembly));
      continue;
    }
    const group = assembly.resolveResource(idValue, res.stack);
    if (group?.type === SECURITY_GROUP) push(ingress, group, ingressRule(res, p, assembly));
    else if (group === undefined && assembly.resolveString(idValue, res.stack) === undefined) unknownIngress.add(res.stack);
    // A literal sg- id or another resource's attribute (a VPC's default group) is outside the indexed groups.
  }
  return { ingress, incompleteGroups, unknownIngress };
}

function ingressRule(origin: TemplateResource, p: Record<string, unknown>, assembly: AssemblyModel): IngressRule {
  const protocol = assembly.resolveString(p.IpProtocol, origin.stack)?.toLowerCase();
  let source: IngressSource = { kind: 'unknown' };
  if (p.CidrIp !== undefined) {
    source = { kind: 'address', range: ipv4Range(assembly.resolveString(p.CidrIp, origin.stack)) };
  } else if (p.CidrIpv6 !== undefined || p.SourcePrefixListId !== undefined) {
    source = { kind: 'address' };
  } else if (p.SourceSecurityGroupId !== undefined && p.SourceSecurityGroupName === undefined) {
    const group = assembly.resolveResource(p.SourceSecurityGroupId, origin.stack);
    if (group?.type === SECURITY_GROUP) source = { kind: 'group', group };
  }
  return { origin, protocol, fromPort: port(p.FromPort), toPort: port(p.ToPort), source };
}

export function port(value: unknown): number | undefined {
  return isUnresolved(value) ? undefined : toNumber(value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A transport protocol of security group rules: what load balancer traffic and health checks travel over. */
export type Transport = 'tcp' | 'udp';

/** IpProtocol names and numbers per transport. */
const IP_PROTOCOLS: Record<Transport, readonly string[]> = { tcp: ['tcp', '6'], udp: ['udp', '17'] };

/**
 * The transports of a listener or target group protocol: HTTP, HTTPS, TCP and TLS run over TCP; UDP and QUIC over
 * UDP; TCP_UDP and TCP_QUIC over both. Empty for anything else (GENEVE, an unresolved value).
 */
export function transportsOf(protocol: string | undefined): Transport[] {
  switch (protocol?.toUpperCase()) {
    case 'HTTP': case 'HTTPS': case 'TCP': case 'TLS': return ['tcp'];
    case 'UDP': case 'QUIC': return ['udp'];
    case 'TCP_UDP': case 'TCP_QUIC': return ['tcp', 'udp'];
    default: return [];
  }
}

/**
 * 'yes' when the rule (ingress or egress) covers the transport on the port (or on some port from `portNumber` to
 * `lastPort`), 'no' when it cannot, 'unknown' when unresolved.
 */
export function coversPort(
  rule: Pick<IngressRule, 'protocol' | 'fromPort' | 'toPort'>, transport: Transport, portNumber: number, lastPort = portNumber,
): 'yes' | 'no' | 'unknown' {
  const proto = rule.protocol;
  if (proto === undefined) return 'unknown';
  if (proto === '-1') return 'yes';
  if (!IP_PROTOCOLS[transport].includes(proto)) return 'no';
  if (rule.fromPort === undefined || rule.toPort === undefined || rule.fromPort < 0 || rule.toPort < 0) return 'unknown';
  return rule.fromPort <= lastPort && portNumber <= rule.toPort ? 'yes' : 'no';
}

/**
 * Whether a security group rule that `covers` a port lets traffic between `peer` (its source, or its destination for
 * egress) and one of `groups` through: an address range may hold them, unless it is a literal IPv4 range that shares no
 * address with the `addresses` the traffic is known to come from (or go to); a group must be one of them; security
 * group peers never match a load balancer without groups ('none'); a peer the template does not decide is 'unknown'.
 */
function peerVerdict(
  covers: 'yes' | 'no' | 'unknown', peer: IngressSource, groups: ReadonlySet<TemplateResource> | 'none', addresses: AddressesOf,
): 'yes' | 'no' | 'unknown' {
  if (covers === 'no') return 'no';
  if (peer.kind === 'address') return peer.range !== undefined && missesAll(peer.range, addresses()) ? 'no' : covers;
  if (groups === 'none') return 'no';
  if (peer.kind === 'group') return groups.has(peer.group) ? covers : 'no';
  return 'unknown';
}

/** The other side's IPv4 ranges, worked out only when a literal IPv4 rule needs them. */
type AddressesOf = () => readonly Ipv4Range[] | undefined;

/** Ranges given as a list or a function, worked out at most once. */
function lazyRanges(addresses: readonly Ipv4Range[] | (() => readonly Ipv4Range[] | undefined) | undefined): AddressesOf {
  if (typeof addresses !== 'function') return () => addresses;
  let done = false;
  let value: readonly Ipv4Range[] | undefined;
  return () => {
    if (!done) {
      value = addresses();
      done = true;
    }
    return value;
  };
}

/** Whether a rule's literal IPv4 range is outside every one of `addresses` (known IPv4 ranges of the other side). */
function missesAll(range: Ipv4Range, addresses: readonly Ipv4Range[] | undefined): boolean {
  return addresses !== undefined && !addresses.some((a) => overlaps(a, range));
}

/**
 * The verdict of a group's rules for a transport and port (or any port up to `lastPort`) between their peers (`peerOf`:
 * an ingress rule's source, an egress rule's destination) and `groups`: 'yes' when one lets it through, else 'unknown'
 * when one may, else 'no'. `addresses`, when given, are the IPv4 ranges the other side's traffic certainly uses (a load
 * balancer's or the tasks' subnets; a function is called only if a literal IPv4 rule needs them): literal IPv4 rules
 * outside all of them do not let it through.
 */
export function rulesVerdict<R extends Pick<IngressRule, 'protocol' | 'fromPort' | 'toPort'>>(
  rules: readonly R[], transport: Transport, portNumber: number, peerOf: (rule: R) => IngressSource, groups: ReadonlySet<TemplateResource> | 'none',
  lastPort = portNumber, addresses?: readonly Ipv4Range[] | (() => readonly Ipv4Range[] | undefined),
): 'yes' | 'no' | 'unknown' {
  const addressesOf = lazyRanges(addresses);
  let unknown = false;
  for (const rule of rules) {
    const v = peerVerdict(coversPort(rule, transport, portNumber, lastPort), peerOf(rule), groups, addressesOf);
    if (v === 'yes') return 'yes';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}

/**
 * Words for a finding that rulesVerdict denied with `addresses`: the literal IPv4 rules that cover the port but miss
 * every one of them, "; its CIDR rule 192.168.0.0/16 covers no address of `peer` (10.0.0.0/24, ...)"; empty when there
 * are none (or no `addresses`).
 */
export function missedRangesNote<R extends Pick<IngressRule, 'protocol' | 'fromPort' | 'toPort'>>(
  rules: readonly R[], transport: Transport, portNumber: number, peerOf: (rule: R) => IngressSource, addresses: readonly Ipv4Range[] | undefined,
  peer: string, lastPort = portNumber,
): string {
  const missed = new Set<string>();
  for (const rule of rules) {
    const source = peerOf(rule);
    if (source.kind !== 'address' || source.range === undefined || coversPort(rule, transport, portNumber, lastPort) === 'no') continue;
    if (missesAll(source.range, addresses)) missed.add(source.range.text);
  }
  if (missed.size === 0 || !addresses) return '';
  const many = missed.size > 1;
  return `; its CIDR rule${many ? 's' : ''} ${[...missed].join(', ')} cover${many ? '' : 's'} no address of ${peer} (${addresses.map((r) => r.text).join(', ')})`;
}

/** An ingress rule's peer, for rulesVerdict. */
export const ingressSource = (rule: IngressRule): IngressSource => rule.source;

/** Target groups that ECS services of the assembly register with (LoadBalancers TargetGroupArn). */
export function serviceTargetGroups(assembly: AssemblyModel): ReadonlySet<TemplateResource> {
  return assembly.derived(serviceTargetGroups, (a) => {
    const out = new Set<TemplateResource>();
    for (const service of a.ofType(SERVICE)) {
      for (const entry of toArray(service.properties.LoadBalancers) ?? []) {
        const tg = a.resolveResource(toObject(entry)?.TargetGroupArn, service.stack);
        if (tg?.type === TARGET_GROUP) out.add(tg);
      }
    }
    return out;
  });
}

/** A load balancer's type: 'application' when Type is omitted (CloudFormation's default); undefined when unresolved. */
export function loadBalancerType(lb: TemplateResource): string | undefined {
  const type = lb.properties.Type;
  return type === undefined ? 'application' : toStr(type);
}

/** A resource's construct path, without the stack name when it is in `from`'s stack. */
export function shortPath(resource: TemplateResource, from: StackModel): string {
  const p = resource.path;
  const prefix = `${from.name}/`;
  return resource.stack === from && p.startsWith(prefix) ? p.slice(prefix.length) : p;
}
