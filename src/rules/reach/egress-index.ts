/**
 * Egress rules of the security groups of an assembly. A group without a SecurityGroupEgress property keeps
 * EC2's default rule (all traffic anywhere), whatever AWS::EC2::SecurityGroupEgress resources add; a group
 * with one has exactly those rules plus the separate resources (aws-cdk-lib writes `allowAllOutbound: false`
 * as one "Disallow all traffic" rule).
 */
import { AssemblyModel, TemplateResource } from '../model';
import { toArray, toObject } from '../values';
import { ipv4Range } from './address-ranges';
import { IngressSource, port, SECURITY_GROUP } from './load-balancing-index';
import { UnknownWriters } from './unknown-writers';

const SECURITY_GROUP_EGRESS = 'AWS::EC2::SecurityGroupEgress';

export interface EgressRule {
  /** Lower-case IpProtocol; undefined when unresolved. */
  readonly protocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** A group of the assembly, an address range (`range` for a literal IPv4 CidrIp), or something the template does not decide. */
  readonly destination: IngressSource;
}

export interface EgressIndex {
  /**
   * 'all' for EC2's default rule; undefined when the group's own list does not resolve, or when an
   * AWS::EC2::SecurityGroupEgress whose GroupId does not resolve, or a nested stack whose template is not in the
   * assembly, may add to it (see UnknownWriters).
   */
  egressOf(group: TemplateResource): readonly EgressRule[] | 'all' | undefined;
}

/** The index of an assembly, built on first use. */
export function egressIndex(assembly: AssemblyModel): EgressIndex {
  return assembly.derived(egressIndex, build);
}

function build(assembly: AssemblyModel): EgressIndex {
  const rules = new Map<TemplateResource, EgressRule[]>();
  const unresolved = new Set<TemplateResource>();
  for (const group of assembly.ofType(SECURITY_GROUP)) {
    const inline = group.properties.SecurityGroupEgress;
    if (inline === undefined) continue;
    const list = toArray(inline);
    const entries = list?.map((e) => toObject(e));
    if (!entries || entries.some((e) => !e)) unresolved.add(group);
    else rules.set(group, entries.map((e) => egressRule(e!, group, assembly)));
  }
  // An egress rule inside a nested stack whose template is missing could add to what its parent hands it.
  const unknown = UnknownWriters.of(assembly);
  for (const res of assembly.ofType(SECURITY_GROUP_EGRESS)) {
    const group = assembly.resolveResource(res.properties.GroupId, res.stack);
    if (group?.type === SECURITY_GROUP) rules.get(group)?.push(egressRule(res.properties, res, assembly));
    else if (group === undefined && assembly.resolveString(res.properties.GroupId, res.stack) === undefined) unknown.add(res.stack);
  }
  return {
    egressOf: (group) => (unresolved.has(group) || unknown.reach(group) ? undefined : rules.get(group) ?? 'all'),
  };
}

function egressRule(p: Record<string, unknown>, origin: TemplateResource, assembly: AssemblyModel): EgressRule {
  const protocol = assembly.resolveString(p.IpProtocol, origin.stack)?.toLowerCase();
  let destination: EgressRule['destination'] = { kind: 'unknown' };
  if (p.CidrIp !== undefined) {
    destination = { kind: 'address', range: ipv4Range(assembly.resolveString(p.CidrIp, origin.stack)) };
  } else if (p.CidrIpv6 !== undefined || p.DestinationPrefixListId !== undefined) {
    destination = { kind: 'address' };
  } else if (p.DestinationSecurityGroupId !== undefined) {
    const group = assembly.resolveResource(p.DestinationSecurityGroupId, origin.stack);
    if (group?.type === SECURITY_GROUP) destination = { kind: 'group', group };
  }
  return { protocol, fromPort: port(p.FromPort), toPort: port(p.ToPort), destination };
}
