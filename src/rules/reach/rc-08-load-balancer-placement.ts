import { AssemblyModel, resourceFact, TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toArray, toNumber, toObject, toStr } from '../values';
import { LOAD_BALANCER, loadBalancerType, shortPath } from './load-balancing-index';
import { UnknownWriters } from './unknown-writers';

const SUBNET = 'AWS::EC2::Subnet';
const VPC = 'AWS::EC2::VPC';
const GATEWAY_ATTACHMENT = 'AWS::EC2::VPCGatewayAttachment';
/** A regular Availability Zone name (not a Local Zone or Wavelength Zone). */
const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;

/** The subnets of a load balancer and the property they come from; undefined unless all resolve. */
function lbSubnets(lb: TemplateResource, ctx: RuleContext): { property: string; subnets: TemplateResource[] } | undefined {
  const p = lb.properties;
  let property = 'Properties/Subnets';
  let values: unknown[] | undefined;
  if (p.SubnetMappings !== undefined) {
    if (p.Subnets !== undefined) return undefined;
    property = 'Properties/SubnetMappings';
    const mappings = toArray(p.SubnetMappings);
    values = mappings?.map((m) => toObject(m)?.SubnetId);
  } else {
    values = toArray(p.Subnets);
  }
  if (!values || values.length === 0) return undefined;
  const subnets = values.map((v) => ctx.assembly.resolveResource(v, lb.stack));
  if (subnets.some((s) => s?.type !== SUBNET)) return undefined;
  return { property, subnets: subnets as TemplateResource[] };
}

/** A key naming the subnet's Availability Zone; undefined when the template does not decide it. */
function azKey(subnet: TemplateResource): string | undefined {
  // The load balancers of an app share a few subnets: read each once.
  return resourceFact(subnet, readAzKey, undefined);
}

function readAzKey(subnet: TemplateResource): string | undefined {
  const p = subnet.properties;
  if (p.OutpostArn !== undefined) return undefined;
  if (p.AvailabilityZone === undefined) {
    const id = toStr(p.AvailabilityZoneId);
    return id === undefined ? undefined : `id:${id}`;
  }
  const literal = toStr(p.AvailabilityZone);
  if (literal !== undefined) return AZ_NAME.test(literal) ? `name:${literal}` : undefined;
  const az = p.AvailabilityZone as Record<string, unknown>;
  const select = typeof az === 'object' && az !== null && !Array.isArray(az) && Object.keys(az).length === 1 ? toArray(az['Fn::Select']) : undefined;
  if (!select || select.length !== 2) return undefined;
  const idx = toNumber(select[0]);
  const list = select[1] as Record<string, unknown> | undefined;
  if (idx === undefined || !list || typeof list !== 'object' || !('Fn::GetAZs' in list) || Object.keys(list).length !== 1) return undefined;
  const arg = list['Fn::GetAZs'];
  const region = arg === '' || JSON.stringify(arg) === '{"Ref":"AWS::Region"}' ? `${subnet.stack.name}:current` : JSON.stringify(arg);
  return `select:${idx}:${region}`;
}

function azLabel(key: string): string {
  if (key.startsWith('name:') || key.startsWith('id:')) return key.slice(key.indexOf(':') + 1);
  const idx = key.split(':')[1];
  return `Fn::Select [${idx}, Fn::GetAZs]`;
}

/**
 * Whether a VPC of the assembly has an internet gateway attached: true, false, or undefined when an attachment whose VpcId
 * does not resolve, or a nested stack whose template is not in the assembly, may attach one to it (see UnknownWriters).
 */
function hasInternetGateway(vpc: TemplateResource, assembly: AssemblyModel): boolean | undefined {
  const { attached, unknown } = assembly.derived(hasInternetGateway, (a) => {
    const vpcs = new Set<TemplateResource>();
    const writers = UnknownWriters.of(a);
    for (const att of a.ofType(GATEWAY_ATTACHMENT)) {
      const target = a.resolveResource(att.properties.VpcId, att.stack);
      if (target?.type === VPC) {
        if (att.properties.InternetGatewayId !== undefined) vpcs.add(target);
      } else if (a.resolveString(att.properties.VpcId, att.stack) === undefined) {
        writers.add(att.stack);
      }
    }
    return { attached: vpcs, unknown: writers };
  });
  if (attached.has(vpc)) return true;
  return unknown.reach(vpc) ? undefined : false;
}

export const RC08_LOAD_BALANCER_PLACEMENT: ResourceRule = {
  id: 'ECS-RC-08',
  title: 'Application Load Balancers span two Availability Zones; internet-facing ones need an internet gateway',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'Flags an Application Load Balancer whose Subnets or SubnetMappings all lie in one Availability Zone (known from a literal AvailabilityZone or AvailabilityZoneId, or the same Fn::Select index over Fn::GetAZs), and an internet-facing load balancer (Scheme internet-facing or omitted) whose subnets belong to a VPC of the assembly that no AWS::EC2::VPCGatewayAttachment attaches an internet gateway to. Skipped when a subnet or its zone does not resolve, for Outposts and Local Zone subnets, and when an attachment whose VPC is unresolved, or a nested stack whose template is not in the assembly, could attach a gateway to the VPC (one in the VPC\'s own template, or anywhere when the template hands the VPC out).',
  deployError: 'The load balancer fails to create and the stack rolls back: "At least two subnets in two different Availability Zones must be specified", or "VPC vpc-... has no internet gateway" (InvalidSubnet); the ECS service that waits on it is never created.',
  fix: 'Give an Application Load Balancer subnets in at least two Availability Zones, and attach an internet gateway to the VPC of an internet-facing load balancer (or make it internal).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html',
  resourceTypes: [LOAD_BALANCER],
  check(lb, ctx): RuleIssue[] {
    const type = loadBalancerType(lb);
    if (type !== 'application' && type !== 'network') return [];
    const placement = lbSubnets(lb, ctx);
    if (!placement) return [];
    const issues: RuleIssue[] = [];

    const zones = placement.subnets.map(azKey);
    if (type === 'application' && zones.every((z) => z !== undefined) && new Set(zones).size === 1) {
      issues.push({
        property: placement.property,
        value: lb.properties[placement.property.slice('Properties/'.length)],
        problem: `Application Load Balancer subnets ${placement.subnets.map((s) => shortPath(s, lb.stack)).join(', ')} are all in one Availability Zone (${azLabel(zones[0]!)})`,
        allowed: 'subnets in at least two Availability Zones',
        fix: 'Add a subnet in a second Availability Zone (vpcSubnets over a VPC with maxAzs >= 2).',
      });
    }

    const schemeValue = lb.properties.Scheme;
    const scheme = schemeValue === undefined ? 'internet-facing' : toStr(schemeValue);
    if (scheme === 'internet-facing') {
      const vpcs = new Set(placement.subnets.map((s) => ctx.assembly.resolveResource(s.properties.VpcId, s.stack)));
      const [vpc] = [...vpcs];
      if (vpcs.size === 1 && vpc?.type === VPC && hasInternetGateway(vpc, ctx.assembly) === false) {
        issues.push({
          property: 'Properties/Scheme',
          value: schemeValue ?? 'internet-facing',
          problem: `internet-facing load balancer${schemeValue === undefined ? ' (Scheme omitted)' : ''} is placed in subnets of VPC ${shortPath(vpc, lb.stack)}, which has no internet gateway attached`,
          allowed: 'an internet-facing load balancer in a VPC with an AWS::EC2::VPCGatewayAttachment to an internet gateway, or Scheme internal',
          fix: 'Set Scheme internal (internetFacing: false), or attach an internet gateway to the VPC (a PUBLIC subnet group in ec2.Vpc).',
        });
      }
    }
    return issues;
  },
};
