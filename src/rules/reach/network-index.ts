/**
 * One index per assembly of what a task's subnets can reach: route tables,
 * their routes, and the VPC endpoints of each VPC. Built once (cached by
 * assembly) so reach rules answer route questions without scanning per
 * resource. Anything the templates do not decide is marked unknown, and
 * rules stay silent on unknown.
 */
import { AssemblyModel, TemplateResource } from '../model';
import { toArray, toStr } from '../values';

const SUBNET = 'AWS::EC2::Subnet';
const ASSOCIATION = 'AWS::EC2::SubnetRouteTableAssociation';
const ROUTE = 'AWS::EC2::Route';
const ROUTE_TABLE = 'AWS::EC2::RouteTable';
const INTERNET_GATEWAY = 'AWS::EC2::InternetGateway';
const ENDPOINT = 'AWS::EC2::VPCEndpoint';
const VPN_PROPAGATION = 'AWS::EC2::VPNGatewayRoutePropagation';

/** AWS services a task or a container instance may need an endpoint for, by the last part of the endpoint service name. */
export type EndpointService = 'ecr.api' | 'ecr.dkr' | 's3' | 'logs' | 'secretsmanager' | 'ssm' | 'kms' | 'ecs' | 'ecs-agent' | 'ecs-telemetry' | 'sqs';
const SERVICES: readonly EndpointService[] = ['ecr.api', 'ecr.dkr', 's3', 'logs', 'secretsmanager', 'ssm', 'kms', 'ecs', 'ecs-agent', 'ecs-telemetry', 'sqs'];

/**
 * Where a subnet's routes lead. `isolated`: no route leaves the VPC;
 * `internet-gateway`: only routes to an internet gateway (reachable with a
 * public IP only); `unknown`: a NAT, transit gateway, peering or any route
 * the index cannot judge, or a route table it cannot see.
 */
export type SubnetEgress = 'isolated' | 'internet-gateway' | 'unknown';

/** A route's kind: `other-destination` is an IPv6 or prefix-list route, which says nothing of IPv4 egress. */
type RouteKind = SubnetEgress | 'other-destination';

export interface SubnetFacts {
  readonly subnet: TemplateResource;
  readonly egress: SubnetEgress;
  /** Key of the subnet's VPC (resource path or literal id); undefined when unresolved. */
  readonly vpcKey?: string;
  /** True when an S3 gateway endpoint is on the subnet's route table. */
  readonly s3Gateway: boolean;
  /** True when the subnet's route table has an IPv4 route to an internet gateway (a public subnet), whatever its other routes. */
  readonly internetGatewayRoute: boolean;
}

export class NetworkIndex {
  /** The index of an assembly, built on first use. */
  public static of(assembly: AssemblyModel): NetworkIndex {
    return assembly.derived(NetworkIndex, (a) => new NetworkIndex(a));
  }

  /**
   * The Region an interface endpoint connects to: its ServiceRegion (cross-Region PrivateLink), else the Region its
   * ServiceName names; undefined when neither is literal (then it may serve any Region).
   */
  public static endpointRegion(e: TemplateResource): string | undefined {
    const serviceRegion = toStr(e.properties.ServiceRegion);
    if (serviceRegion !== undefined) return serviceRegion;
    if (e.properties.ServiceRegion !== undefined) return undefined;
    return /^com\.amazonaws\.([a-z0-9-]+)\.[a-z]/.exec(toStr(e.properties.ServiceName) ?? '')?.[1];
  }

  private readonly tableOfSubnet = new Map<TemplateResource, TemplateResource>();
  private readonly routesOfTable = new Map<TemplateResource, RouteKind[]>();
  private readonly s3GatewayTables = new Set<TemplateResource>();
  /** Tables a virtual private gateway propagates routes into: the other side may advertise a default route (on-premises egress). */
  private readonly propagatedTables = new Set<TemplateResource>();
  private readonly endpointsOfVpc = new Map<string, Set<EndpointService>>();
  private readonly interfaceEndpointsOf = new Map<string, TemplateResource[]>();
  private readonly factsOfSubnet = new Map<TemplateResource, SubnetFacts>();
  /** An association, route or endpoint whose target did not resolve: it could be any table or VPC. */
  private unresolvedRouting = false;
  private unresolvedEndpoints = false;

  private constructor(private readonly assembly: AssemblyModel) {
    for (const a of assembly.ofType(ASSOCIATION)) {
      const subnet = this.resolve(a.properties.SubnetId, a, SUBNET);
      const table = this.resolve(a.properties.RouteTableId, a, ROUTE_TABLE);
      if (!subnet || !table) this.unresolvedRouting = true;
      else this.tableOfSubnet.set(subnet, table);
    }
    for (const r of assembly.ofType(ROUTE)) {
      const table = this.resolve(r.properties.RouteTableId, r, ROUTE_TABLE);
      if (!table) {
        this.unresolvedRouting = true;
        continue;
      }
      const list = this.routesOfTable.get(table) ?? [];
      list.push(this.routeKind(r));
      this.routesOfTable.set(table, list);
    }
    for (const p of assembly.ofType(VPN_PROPAGATION)) {
      const tables = toArray(p.properties.RouteTableIds);
      if (!tables) this.unresolvedRouting = true;
      for (const t of tables ?? []) {
        const table = this.resolve(t, p, ROUTE_TABLE);
        if (table) this.propagatedTables.add(table);
        else this.unresolvedRouting = true;
      }
    }
    for (const e of assembly.ofType(ENDPOINT)) this.indexEndpoint(e);
  }

  /** What a subnet of the assembly can reach; undefined when the value is not a subnet of the assembly. */
  public subnet(value: unknown, from: TemplateResource): SubnetFacts | undefined {
    const subnet = this.resolve(value, from, SUBNET);
    if (!subnet) return undefined;
    // Every service in a subnet asks again (ECS-RC-01, ECS-SV-31): work it out once per subnet.
    let facts = this.factsOfSubnet.get(subnet);
    if (!facts) this.factsOfSubnet.set(subnet, facts = this.subnetFacts(subnet));
    return facts;
  }

  private subnetFacts(subnet: TemplateResource): SubnetFacts {
    const table = this.tableOfSubnet.get(subnet);
    const vpcKey = this.vpcKey(subnet.properties.VpcId, subnet);
    const kinds = table ? this.routesOfTable.get(table) ?? [] : [];
    const internetGatewayRoute = kinds.includes('internet-gateway');
    if (!table || this.unresolvedRouting) return { subnet, egress: 'unknown', vpcKey, s3Gateway: false, internetGatewayRoute };
    // IPv6 routes (::/0 to the internet gateway in a dual-stack VPC) leave IPv4 egress as it is, but a subnet
    // with no IPv4 way out may still reach AWS over IPv6: unknown.
    // A propagated default route loses to a static one (the internet gateway's), so propagation only matters without it.
    const egress: SubnetEgress = kinds.includes('unknown') ? 'unknown' : internetGatewayRoute ? 'internet-gateway'
      : kinds.includes('other-destination') || this.propagatedTables.has(table) ? 'unknown' : 'isolated';
    return { subnet, egress, vpcKey, s3Gateway: this.s3GatewayTables.has(table), internetGatewayRoute };
  }

  /** Interface (or gateway) endpoint services in a VPC; undefined when an endpoint's VPC or service is unresolved. */
  public endpoints(vpcKey: string | undefined): ReadonlySet<EndpointService> | undefined {
    if (vpcKey === undefined || this.unresolvedEndpoints) return undefined;
    return this.endpointsOfVpc.get(vpcKey) ?? new Set();
  }

  private routeKind(route: TemplateResource): RouteKind {
    const p = route.properties;
    if (p.DestinationCidrBlock === undefined) return 'other-destination';
    // Only the default route decides where a task's traffic to AWS goes: the longest prefix wins, so a
    // narrower route to the internet gateway beside a NAT default route leaves the subnet private.
    const destination = toStr(p.DestinationCidrBlock);
    if (destination === undefined) return 'unknown';
    if (destination.trim() !== '0.0.0.0/0') return 'other-destination';
    const targets = ['NatGatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId', 'InstanceId',
      'EgressOnlyInternetGatewayId', 'CarrierGatewayId', 'LocalGatewayId', 'VpcEndpointId', 'CoreNetworkArn'];
    if (targets.some((t) => p[t] !== undefined)) return 'unknown';
    const gw = p.GatewayId;
    if (gw === undefined) return 'unknown';
    const target = this.assembly.resolveResource(gw, route.stack);
    if (target?.type === INTERNET_GATEWAY) return 'internet-gateway';
    return toStr(gw)?.startsWith('igw-') ? 'internet-gateway' : 'unknown';
  }

  private indexEndpoint(e: TemplateResource): void {
    const service = endpointService(e.properties.ServiceName);
    const vpcKey = this.vpcKey(e.properties.VpcId, e);
    if (vpcKey === undefined || service === 'unknown') {
      this.unresolvedEndpoints = true;
      return;
    }
    if (service === undefined) return; // a service tasks do not need
    const type = e.properties.VpcEndpointType === undefined ? 'Gateway' : toStr(e.properties.VpcEndpointType);
    if (type === undefined) {
      this.unresolvedEndpoints = true;
      return;
    }
    if (type === 'Gateway') {
      // A gateway endpoint works only through the route tables it is attached to.
      const tables = toArray(e.properties.RouteTableIds);
      if (e.properties.RouteTableIds !== undefined && !tables) this.unresolvedEndpoints = true;
      for (const t of tables ?? []) {
        const table = this.resolve(t, e, ROUTE_TABLE);
        if (table) this.s3GatewayTables.add(table);
        else this.unresolvedEndpoints = true;
      }
      return;
    }
    // Without private DNS the endpoint needs DNS records we cannot see: count it as present either way.
    const set = this.endpointsOfVpc.get(vpcKey) ?? new Set<EndpointService>();
    set.add(service);
    this.endpointsOfVpc.set(vpcKey, set);
    const key = `${vpcKey}\0${service}`;
    const list = this.interfaceEndpointsOf.get(key);
    if (list) list.push(e);
    else this.interfaceEndpointsOf.set(key, [e]);
  }

  /** The interface endpoints of a service in a VPC (only those the index read; see `endpoints` for completeness). */
  public interfaceEndpoints(vpcKey: string, service: EndpointService): readonly TemplateResource[] {
    return this.interfaceEndpointsOf.get(`${vpcKey}\0${service}`) ?? [];
  }

  private vpcKey(value: unknown, from: TemplateResource): string | undefined {
    const res = this.assembly.resolveResource(value, from.stack);
    if (res) return `${res.stack.name}/${res.logicalId}`;
    return toStr(value);
  }

  private resolve(value: unknown, from: TemplateResource, type: string): TemplateResource | undefined {
    const res = this.assembly.resolveResource(value, from.stack);
    return res?.type === type ? res : undefined;
  }
}

/**
 * The task-relevant service of an endpoint service name such as
 * `com.amazonaws.eu-west-1.ecr.dkr`, or the Fn::Join aws-cdk-lib writes
 * for env-agnostic stacks. undefined for other services; 'unknown' when
 * the name cannot be read.
 */
export function endpointService(name: unknown): EndpointService | undefined | 'unknown' {
  const text = JSON.stringify(name ?? '');
  for (const s of SERVICES) if (text.includes(`.${s}"`)) return s;
  // Amazon SQS also takes PrivateLink connections on its FIPS endpoint service.
  if (text.includes('.sqs-fips"')) return 'sqs';
  // Another service named literally is not one tasks need; a parameter or import could be any.
  return text.includes('com.amazonaws.') ? undefined : 'unknown';
}
