import { endpointReach, securityGroupsOf } from './endpoint-admission';
import { shortPath } from './load-balancing-index';
import { EndpointService, NetworkIndex, SubnetFacts } from './network-index';
import { taskNeeds } from './task-needs';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER, providerAutoScalingGroup, SERVICE, serviceTask, strategyOf } from '../service/service-facts';
import { isUnresolved, orList, toArray, toBool, toObject } from '../values';

const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** The endpoints the ECS agent registers the instance and reports through (vpc-endpoints.html). */
const AGENT_ENDPOINTS: readonly EndpointService[] = ['ecs', 'ecs-agent', 'ecs-telemetry'];

export const RC09_CONTAINER_INSTANCE_REACH: ResourceRule = {
  id: 'ECS-RC-09',
  title: 'EC2 and Managed Instances container instances need a network path to ECS, and to the registries, logs and secrets of their tasks',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For each capacity provider whose Auto Scaling group is in the app, follows the route tables of the group\'s subnets (VPCZoneIdentifier): '
    + 'a subnet whose routes never leave the VPC (routes propagated from a VPN gateway may: not judged), or an internet-gateway subnet whose instances get no public IP (AssociatePublicIpAddress false in the '
    + 'launch template or launch configuration, or neither it nor the subnet\'s MapPublicIpOnLaunch set), must have the ecs, ecs-agent and ecs-telemetry '
    + 'interface endpoints, through which the ECS agent registers the instance; and, for the tasks of services whose capacity provider strategy names the '
    + 'provider, ecr.api, ecr.dkr and an S3 gateway endpoint for ECR images, logs for awslogs, secretsmanager / ssm for secrets, because on EC2 the instance, '
    + 'not the task, pulls images, ships logs and reads secrets. An interface endpoint counts only when its security groups admit HTTPS from an address range or '
    + 'from one of the instances\' groups (or are unresolved, outside the app, or the VPC default). Silent when a subnet, route, endpoint, launch template or public IP setting is unresolved or '
    + 'outside the app, and when the user data names an HTTP proxy (ECS_HTTP_PROXY). A Managed Instances provider\'s instances (its NetworkConfiguration '
    + 'subnets and security groups) are judged alike in subnets with no route out of the VPC; its internet-gateway subnets are not judged.',
  deployError: 'CloudFormation creates the Auto Scaling group and the service, but no instance ever registers with the cluster ("service ... was unable to place a '
    + 'task because no container instance met all of its requirements"), or tasks stop with "CannotPullContainerError ... i/o timeout"; the service never '
    + 'reaches a steady state and the circuit breaker (or the 3-hour CloudFormation timeout) rolls it back.',
  fix: 'Place the instances in subnets with a NAT gateway route (vpcSubnets: PRIVATE_WITH_EGRESS), or add the VPC endpoints: '
    + 'InterfaceVpcEndpointAwsService.ECS, ECS_AGENT and ECS_TELEMETRY, plus ECR, ECR_DOCKER, an S3 gateway endpoint, CLOUDWATCH_LOGS and the secrets services the tasks use; '
    + 'on endpoints created with open: false, admit HTTPS from the instances (endpoint.connections.allowDefaultPortFrom(autoScalingGroup)).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html',
  resourceTypes: [CAPACITY_PROVIDER],
  onlyWith: ['AutoScalingGroupProvider/AutoScalingGroupArn', 'ManagedInstancesProvider/InstanceLaunchTemplate/NetworkConfiguration/Subnets'],
  check(provider, ctx): RuleIssue[] {
    const instances = instancesOf(provider, ctx);
    if (!instances) return [];
    const { resource, property, subnets, launch, managed } = instances;
    if (!subnets || subnets.length === 0) return [];
    const index = NetworkIndex.of(ctx.assembly);
    const facts = subnets.map((s) => index.subnet(s, resource));
    if (facts.some((f) => f === undefined)) return [];
    // An HTTP proxy in the VPC (ECS_HTTP_PROXY in the user data) is a way out the route tables do not show.
    if (launch.proxy) return [];
    const publicIp = launch.publicIp;
    let needs: readonly string[] | undefined;
    const stranded: { facts: SubnetFacts; missing: Missing[] }[] = [];
    for (const f of facts as SubnetFacts[]) {
      if (f.egress === 'unknown') continue;
      if (f.egress === 'internet-gateway') {
        // Whether Managed Instances get a public IP in a public subnet is not documented: only their isolated subnets are judged.
        if (managed) continue;
        const ip = publicIp ?? subnetPublicIp(f.subnet);
        if (ip !== false) continue;
      }
      if (!index.endpoints(f.vpcKey)) continue;
      needs ??= instanceNeeds(provider, ctx);
      const missing = missingNeeds(needs, f, index, launch.groups, ctx);
      if (missing.length > 0) stranded.push({ facts: f, missing });
    }
    if (stranded.length === 0) return [];
    const first = stranded[0];
    const why = first.facts.egress === 'isolated' ? 'no route out of the VPC' : 'an internet gateway route but no public IP';
    const agentMissing = first.missing.some((m) => (AGENT_ENDPOINTS as readonly string[]).includes(m.need));
    const closed = first.missing.some((m) => m.closed);
    const place = managed ? 'vpcSubnets of addManagedInstancesCapacity' : 'vpcSubnets: PRIVATE_WITH_EGRESS';
    return [{
      resource,
      property,
      value: stranded.map((s) => s.facts.subnet.logicalId),
      problem: `${managed ? 'Managed Instances' : 'container instances'} of capacity provider ${shortPath(provider, resource.stack)} in subnet${stranded.length > 1 ? 's' : ''} `
        + `${stranded.map((s) => shortPath(s.facts.subnet, resource.stack)).join(', ')} (${why}) cannot reach ${orList(first.missing.map(describe))}`
        + (agentMissing ? ', so they never register with the cluster' : ''),
      allowed: 'a NAT gateway route, a public IP in a public subnet, or VPC endpoints for ECS (ecs, ecs-agent, ecs-telemetry) and for what the tasks use: '
        + 'ECR (ecr.api, ecr.dkr, S3 gateway), logs and secrets; images outside ECR need internet access',
      fix: first.missing.some((m) => m.need.startsWith('image'))
        ? `Copy the images into ECR (e.g. through a pull-through cache rule) and add the VPC endpoints, or place the instances in subnets with a NAT gateway route (${place}).`
        : `Add the VPC endpoint${first.missing.length > 1 ? 's' : ''} (vpc.addInterfaceEndpoint with InterfaceVpcEndpointAwsService.${first.missing.map(endpointConstant).join(', ')}), `
          + `or place the instances in subnets with a NAT gateway route (${place}).`
          + (closed ? ` For an endpoint that is there, admit HTTPS from the instances: endpoint.connections.allowDefaultPortFrom(${managed ? 'capacity.securityGroup' : 'autoScalingGroup'}).` : ''),
    }];
  },
};

/**
 * What the instances must reach: the agent endpoints always, and the registries, logs and secrets of the tasks of
 * services whose strategy names this provider (an image outside ECR as `image '...' of container '...'`).
 */
function instanceNeeds(provider: TemplateResource, ctx: RuleContext): string[] {
  const needs = new Set<string>(AGENT_ENDPOINTS);
  for (const service of ctx.assembly.ofType(SERVICE)) {
    const strategy = strategyOf(service, ctx);
    if (!strategy || !strategy.items.some((i) => i.provider?.resource === provider)) continue;
    const task = serviceTask(service, ctx);
    if (!task) continue;
    const n = taskNeeds(task, ctx);
    for (const img of n.images) {
      if (img.source === 'internet') needs.add(`image '${img.image}' of container '${img.container}'`);
      else needs.add('ecr.api').add('ecr.dkr').add('s3');
    }
    if (n.awslogs) needs.add('logs');
    if (n.secretsManager) needs.add('secretsmanager');
    if (n.ssm) needs.add('ssm');
  }
  return [...needs];
}

/** A need the subnet does not meet; `closed` when its endpoint is there but admits no HTTPS from the instances. */
interface Missing {
  readonly need: string;
  readonly closed: boolean;
}

/** The needs a subnet's routes and endpoints leave unmet (an S3 gateway endpoint on its route table meets `s3`). */
function missingNeeds(needs: readonly string[], f: SubnetFacts, index: NetworkIndex, groups: ReadonlySet<TemplateResource> | undefined,
  ctx: RuleContext): Missing[] {
  const missing: Missing[] = [];
  for (const need of needs) {
    if (need.startsWith('image')) {
      missing.push({ need, closed: false });
      continue;
    }
    if (need === 's3' && f.s3Gateway) continue;
    const reach = endpointReach(index, f.vpcKey!, need as EndpointService, () => groups, ctx.assembly);
    if (reach !== 'reachable') missing.push({ need, closed: reach === 'closed' });
  }
  return missing;
}

function describe({ need, closed }: Missing): string {
  if (need.startsWith('image')) return `${need} (outside ECR, needs internet access)`;
  const text = need === 's3' ? 'an S3 endpoint on the route table (ECR image layers)' : `the ${need} endpoint`;
  return closed ? `${text.replace(/ \(.*\)$/, '')} (present, but its security groups admit no HTTPS from the instances)` : text;
}

/** The aws-cdk-lib InterfaceVpcEndpointAwsService constant of an endpoint, for the fix. */
function endpointConstant({ need }: Missing): string {
  const names: Record<string, string> = {
    'ecs': 'ECS',
    'ecs-agent': 'ECS_AGENT',
    'ecs-telemetry': 'ECS_TELEMETRY',
    'ecr.api': 'ECR',
    'ecr.dkr': 'ECR_DOCKER',
    'logs': 'CLOUDWATCH_LOGS',
    'secretsmanager': 'SECRETS_MANAGER',
    'ssm': 'SSM',
    's3': 'S3 (a gateway endpoint)',
  };
  return names[need] ?? need;
}

/** Where a provider's instances run: an Auto Scaling group's subnets and launch settings, or a Managed Instances provider's network configuration. */
function instancesOf(provider: TemplateResource, ctx: RuleContext): {
  resource: TemplateResource; property: string; subnets?: unknown[]; launch: LaunchSettings; managed: boolean;
} | undefined {
  const network = toObject(toObject(toObject(provider.properties.ManagedInstancesProvider)?.InstanceLaunchTemplate)?.NetworkConfiguration);
  if (network) {
    return {
      resource: provider,
      property: 'Properties/ManagedInstancesProvider/InstanceLaunchTemplate/NetworkConfiguration/Subnets',
      subnets: toArray(network.Subnets),
      // ECS manages the instances: no user data of the app's, and no public IP setting to read.
      launch: { publicIp: undefined, proxy: false, groups: securityGroupsOf(network.SecurityGroups, provider, ctx.assembly) },
      managed: true,
    };
  }
  const asg = providerAutoScalingGroup(provider, ctx.assembly);
  if (!asg) return undefined;
  return { resource: asg, property: 'Properties/VPCZoneIdentifier', subnets: toArray(asg.properties.VPCZoneIdentifier), launch: launchSettings(asg, ctx), managed: false };
}

interface LaunchSettings {
  /**
   * AssociatePublicIpAddress of the launch template (first network interface) or launch configuration: true/false
   * when set, undefined when absent (the subnet decides), 'unknown' when it cannot be read.
   */
  readonly publicIp: boolean | undefined | 'unknown';
  /** The instances' security groups when all are in the assembly; undefined when unknown. */
  readonly groups?: ReadonlySet<TemplateResource>;
  /** Whether the user data names a proxy (or cannot be read). */
  readonly proxy: boolean;
}

function launchSettings(asg: TemplateResource, ctx: RuleContext): LaunchSettings {
  const p = asg.properties;
  if (p.LaunchConfigurationName !== undefined) {
    const lc = ctx.assembly.resolveResource(p.LaunchConfigurationName, asg.stack);
    if (lc?.type !== LAUNCH_CONFIGURATION) return { publicIp: 'unknown', proxy: true };
    return {
      publicIp: flag(lc.properties.AssociatePublicIpAddress),
      proxy: namesProxy(lc.properties.UserData),
      groups: securityGroupsOf(lc.properties.SecurityGroups, lc, ctx.assembly),
    };
  }
  const spec = toObject(p.LaunchTemplate)
    ?? toObject(toObject(toObject(p.MixedInstancesPolicy)?.LaunchTemplate)?.LaunchTemplateSpecification);
  const lt = ctx.assembly.resolveResource(spec?.LaunchTemplateId, asg.stack);
  if (lt?.type !== LAUNCH_TEMPLATE) return { publicIp: 'unknown', proxy: true };
  const data = toObject(lt.properties.LaunchTemplateData);
  const proxy = namesProxy(data?.UserData);
  const interfaces = data?.NetworkInterfaces;
  if (interfaces === undefined) return { publicIp: undefined, proxy, groups: securityGroupsOf(data?.SecurityGroupIds, lt, ctx.assembly) };
  const first = toObject(toArray(interfaces)?.[0]);
  return { publicIp: first ? flag(first.AssociatePublicIpAddress) : 'unknown', proxy, groups: securityGroupsOf(first?.Groups, lt, ctx.assembly) };
}

/** User data (plain or base64) that sets an HTTP proxy, e.g. ECS_HTTP_PROXY or HTTP_PROXY. */
function namesProxy(userData: unknown): boolean {
  if (userData === undefined) return false;
  const text = JSON.stringify(userData);
  if (/proxy/i.test(text)) return true;
  // A literal base64 string: look inside.
  return typeof userData === 'string' && /proxy/i.test(Buffer.from(userData, 'base64').toString('utf8'));
}

/** The subnet's MapPublicIpOnLaunch: false when absent. */
function subnetPublicIp(subnet: TemplateResource): boolean | 'unknown' {
  return flag(subnet.properties.MapPublicIpOnLaunch) ?? false;
}

function flag(value: unknown): boolean | undefined | 'unknown' {
  if (value === undefined) return undefined;
  if (isUnresolved(value)) return 'unknown';
  return toBool(value) ?? 'unknown';
}
