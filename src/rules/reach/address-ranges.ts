/**
 * IPv4 address ranges of security group rules and subnets, so that reach rules can tell a CIDR rule that cannot match
 * a peer (a 192.168.0.0/16 rule for a load balancer in 10.0.0.0/16) from one that may. Only literal ranges count:
 * anything unresolved keeps the rule admitting.
 */
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { toArray, toObject } from '../values';

/** An IPv4 CIDR block as the first and last address (unsigned 32-bit numbers) and its text. */
export interface Ipv4Range {
  readonly first: number;
  readonly last: number;
  readonly text: string;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The range of a literal IPv4 CIDR ("10.0.0.0/16"); undefined for anything else. */
export function ipv4Range(text: string | undefined): Ipv4Range | undefined {
  const m = text === undefined ? null : CIDR.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = address - (address % size);
  return { first, last: first + size - 1, text: text!.trim() };
}

/** Whether two ranges share an address. */
export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

const SUBNET = 'AWS::EC2::Subnet';

/**
 * The IPv4 ranges of a list of subnets (Subnets of a load balancer or an awsvpc configuration); undefined unless every
 * subnet is an AWS::EC2::Subnet of the assembly with a literal CidrBlock.
 */
export function subnetRanges(assembly: AssemblyModel, subnets: unknown, stack: StackModel): Ipv4Range[] | undefined {
  const list = toArray(subnets);
  if (!list || list.length === 0) return undefined;
  const ranges: Ipv4Range[] = [];
  for (const id of list) {
    const subnet = assembly.resolveResource(id, stack);
    if (subnet?.type !== SUBNET) return undefined;
    const range = ipv4Range(assembly.resolveString(subnet.properties.CidrBlock, subnet.stack));
    if (!range) return undefined;
    ranges.push(range);
  }
  return ranges;
}

/** The ranges of a load balancer's subnets (Subnets or SubnetMappings). */
export function loadBalancerRanges(assembly: AssemblyModel, lb: TemplateResource): Ipv4Range[] | undefined {
  const p = lb.properties;
  const subnets = p.Subnets ?? toArray(p.SubnetMappings)?.map((m) => toObject(m)?.SubnetId);
  return subnetRanges(assembly, subnets, lb.stack);
}
