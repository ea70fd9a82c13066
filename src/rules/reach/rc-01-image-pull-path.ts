import { EndpointReach, endpointReach, securityGroupsOf } from './endpoint-admission';
import { shortPath } from './load-balancing-index';
import { EndpointService, NetworkIndex, SubnetFacts } from './network-index';
import { EVENTS_RULE, SCHEDULE, taskLaunch } from './task-launch';
import { expressContainerNeeds, TaskNeeds, taskNeeds } from './task-needs';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { EXPRESS_SERVICE, primaryContainer, usesOwnTaskDefinition } from '../service/express-facts';
import { SERVICE } from '../service/service-facts';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';
import { isUnresolved, once, orList, toArray, toObject, toStr } from '../values';

/** The init container kit tasks add for scratchPaths (src/task/base/scratch-init.ts; rules do not import constructs). */
const SCRATCH_INIT = 'scratch-init';

export const RC01_IMAGE_PULL_PATH: ResourceRule = {
  id: 'ECS-RC-01',
  title: 'Fargate tasks need a network path to their registry, CloudWatch Logs and secrets',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For services, EventBridge Scheduler schedules and EventBridge rules (the first ECS target) that run Fargate tasks in subnets of the app, and Express services, follows each subnet\'s route table: '
    + 'a subnet whose routes never leave the VPC (no NAT, transit gateway, peering or routes propagated from a VPN gateway), or an internet-gateway subnet where the task gets no public IP '
    + '(AssignPublicIp DISABLED on a schedule), must have the VPC endpoints the task needs: ecr.api, ecr.dkr and an S3 gateway '
    + 'endpoint on the subnet\'s route table for ECR images, logs for awslogs, secretsmanager / ssm for secrets. A private ECR image whose URI names another Region than the stack\'s (both literal) is served only by interface endpoints that connect to that Region (ecr.api, ecr.dkr and s3 with ServiceRegion, cross-Region PrivateLink), not by the VPC\'s own. Images outside ECR (Docker Hub, ECR Public, '
    + 'ghcr.io) need internet access. An interface endpoint counts only when its security groups admit HTTPS from an address range or '
    + 'from one of the tasks\' groups (or are unresolved, outside the app, or the VPC default). An Express service has no AssignPublicIp, so only its subnets without a route out of the VPC are judged; '
    + 'it always ships its logs to CloudWatch Logs. Silent when a subnet, route, endpoint or image is unresolved or outside the app. Fargate services in public subnets '
    + 'without a public IP are ECS-SV-31. On EC2 and Managed Instances the instance pulls images, reads secrets and ships logs through its own network '
    + 'interface, not the task\'s, so the task subnets decide nothing there and such tasks are not checked.',
  deployError: 'Tasks stop before any container starts: "CannotPullContainerError: ... dial tcp ...: i/o timeout" or "ResourceInitializationError: unable to pull secrets or registry auth: ... RequestError: send request failed"; the service never reaches a steady state and the circuit breaker (or the 3-hour CloudFormation timeout) rolls it back.',
  fix: 'Give the subnets a NAT gateway route (PRIVATE_WITH_EGRESS), or add the missing VPC endpoints (vpc.addInterfaceEndpoint / addGatewayEndpoint) '
    + 'and admit HTTPS from the tasks on those an app closed (endpoint.connections.allowDefaultPortFrom(service)), and copy images from outside AWS into '
    + 'ECR (a pull-through cache rule).',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  resourceTypes: [SERVICE, SCHEDULE, EVENTS_RULE, EXPRESS_SERVICE],
  check(resource, ctx): RuleIssue[] {
    if (resource.type === EXPRESS_SERVICE) return checkExpress(resource, ctx);
    const launch = taskLaunch(resource, ctx);
    // Only a Fargate task's own ENI pulls its image (managed-instances-awsvpc-mode.html: the instance's primary ENI does on instances).
    if (!launch || networkMode(launch.task) !== 'awsvpc' || launch.launchKind !== 'FARGATE') return [];
    const subnets = toArray(launch.awsvpc.Subnets);
    const assign = launch.awsvpc.AssignPublicIp;
    if (!subnets || subnets.length === 0 || isUnresolved(assign)) return [];
    const publicIp = toStr(assign) === 'ENABLED';
    // ECS-SV-31 reports services in internet-gateway subnets without a public IP; schedules are ours.
    const skipGatewaySubnets = publicIp || launch.isService;
    const stranded = strandedSubnets(resource, subnets, launch.awsvpc.SecurityGroups, skipGatewaySubnets, ctx, () => taskNeeds(launch.task, ctx));
    return stranded ? [report(resource, `${launch.awsvpcPointer}/Subnets`, shortPath(launch.task, resource.stack), stranded)] : [];
  },
};

/**
 * An Express service's tasks run on Fargate in its subnets (the default VPC's when none are given: outside the app). Only
 * subnets with no route out of the VPC are judged: the Express API has no AssignPublicIp, so whether its tasks get a public
 * IP in an internet-gateway subnet is not in the template.
 */
function checkExpress(resource: TemplateResource, ctx: RuleContext): RuleIssue[] {
  const network = toObject(resource.properties.NetworkConfiguration);
  const subnets = toArray(network?.Subnets);
  if (!subnets || subnets.length === 0) return [];
  const needs = (): TaskNeeds | undefined => {
    if (!usesOwnTaskDefinition(resource)) {
      const container = primaryContainer(resource);
      return container && expressContainerNeeds(container, resource, ctx);
    }
    const task = ctx.assembly.resolveResource(resource.properties.TaskDefinitionArn, resource.stack);
    return task?.type === TASK_DEFINITION ? taskNeeds(task, ctx) : undefined;
  };
  const stranded = strandedSubnets(resource, subnets, network?.SecurityGroups, true, ctx, needs);
  return stranded ? [report(resource, 'Properties/NetworkConfiguration/Subnets', shortPath(resource, resource.stack), stranded)] : [];
}

interface Stranded {
  readonly facts: SubnetFacts;
  readonly missing: string[];
  readonly closed: boolean;
  /** An ECR image of another Region misses that Region's endpoints. */
  readonly crossRegion: boolean;
}

/**
 * The subnets from which the tasks cannot reach what they need; undefined when none, or when a subnet is outside the app.
 * `needs` is read only for a subnet without a way out (most have a NAT route); undefined needs are unknown: silent.
 */
function strandedSubnets(resource: TemplateResource, subnets: readonly unknown[], securityGroups: unknown, skipGatewaySubnets: boolean,
  ctx: RuleContext, needs: () => TaskNeeds | undefined): Stranded[] | undefined {
  const index = NetworkIndex.of(ctx.assembly);
  const facts = subnets.map((s) => index.subnet(s, resource));
  if (facts.some((f) => f === undefined)) return undefined;
  const taskNeedsOnce = once(needs);
  // The tasks' groups are read only for an endpoint that is there.
  const groups = once(() => securityGroupsOf(securityGroups, resource, ctx.assembly));
  const stranded: Stranded[] = [];
  for (const f of facts as SubnetFacts[]) {
    if (f.egress === 'unknown') continue;
    if (f.egress === 'internet-gateway' && skipGatewaySubnets) continue;
    const endpoints = index.endpoints(f.vpcKey);
    if (!endpoints) continue;
    const need = taskNeedsOnce();
    if (!need) return undefined;
    const vpcKey = f.vpcKey!;
    const reach = (service: EndpointService) => endpointReach(index, vpcKey, service, groups, ctx.assembly);
    // Another Region's registry: only interface endpoints connecting to that Region serve it (cross-Region PrivateLink).
    const servesRegion = (service: EndpointService, region: string) => index.interfaceEndpoints(vpcKey, service).some((e) => {
      const r = NetworkIndex.endpointRegion(e);
      return r === undefined || r === region;
    });
    const paths = missingPaths(need, reach, f.s3Gateway, resource.stack.region, servesRegion);
    if (paths.missing.length > 0) stranded.push({ facts: f, ...paths });
  }
  return stranded.length > 0 ? stranded : undefined;
}

function report(resource: TemplateResource, property: string, tasksOf: string, stranded: readonly Stranded[]): RuleIssue {
  const first = stranded[0];
  const why = first.facts.egress === 'isolated' ? 'no route out of the VPC' : 'an internet gateway route but no public IP';
  return {
    property,
    value: stranded.map((s) => s.facts.subnet.logicalId),
    // Construct paths, as in the finding's own location (logical ids only where the template has no paths).
    problem: `tasks of ${tasksOf} in subnet${stranded.length > 1 ? 's' : ''} `
      + `${stranded.map((s) => shortPath(s.facts.subnet, resource.stack)).join(', ')} (${why}) cannot reach ${orList(first.missing)}`,
    allowed: 'a NAT gateway route, a public IP (Fargate in a public subnet), or VPC endpoints for ECR (ecr.api, ecr.dkr, S3 gateway), logs and secrets; images outside ECR need internet access',
    fix: first.crossRegion
      ? 'Replicate the repository into this Region (ECR replication, or RegistryReplication in the kit) and pull the copy, or add cross-Region '
        + 'interface endpoints (ecr.api, ecr.dkr and s3 with ServiceRegion set to the registry\'s Region), or route the subnets through a NAT gateway.'
      : first.missing.some((m) => m.startsWith('image'))
        ? 'Copy the image into ECR (e.g. through a pull-through cache rule) and add the ECR endpoints, or route the subnets through a NAT gateway.'
        // The kit task's init container for scratchPaths: its image is a prop the app may not know it has.
        + (first.missing.some((m) => m.includes(`of container '${SCRATCH_INIT}'`)) ? ` For the kit's '${SCRATCH_INIT}' container, set the task's scratchInitImage to the ECR copy.` : '')
        : `Add the VPC endpoint${first.missing.length > 1 ? 's' : ''} (vpc.addInterfaceEndpoint / vpc.addGatewayEndpoint), or route the subnets through a NAT gateway.`
        + (first.closed ? ' For an endpoint that is there, admit HTTPS from the tasks: endpoint.connections.allowDefaultPortFrom(service).' : ''),
  };
}

/**
 * What the task needs that the subnet's endpoints do not provide; `closed` when one is there but admits no HTTPS from the
 * tasks; `crossRegion` when an ECR image of another Region lacks that Region's endpoints.
 */
function missingPaths(
  needs: TaskNeeds, reach: (service: EndpointService) => EndpointReach, s3Gateway: boolean,
  home: string | undefined, servesRegion: (service: EndpointService, region: string) => boolean,
): { missing: string[]; closed: boolean; crossRegion: boolean } {
  const missing: string[] = [];
  let closed = false;
  let crossRegion = false;
  const need = (service: EndpointService, text: string) => {
    const r = reach(service);
    if (r === 'absent') missing.push(text);
    if (r === 'closed') {
      closed = true;
      missing.push(`${text.replace(/ \(.*\)$/, '')} (present, but its security groups admit no HTTPS from the tasks)`);
    }
  };
  for (const img of needs.images.filter((i) => i.source === 'internet')) {
    missing.push(`image '${img.image}' of container '${img.container}' (outside ECR, needs internet access)`);
  }
  const foreign = (i: TaskNeeds['images'][number]) => i.region !== undefined && home !== undefined && i.region !== home;
  if (needs.images.some((i) => i.source === 'ecr' && !foreign(i))) {
    need('ecr.api', 'the ecr.api endpoint');
    need('ecr.dkr', 'the ecr.dkr endpoint');
    if (!s3Gateway) need('s3', 'an S3 endpoint on the route table (ECR image layers)');
  }
  for (const img of needs.images.filter((i) => i.source === 'ecr' && foreign(i))) {
    const absent = (['ecr.api', 'ecr.dkr', 's3'] as const).filter((service) => !servesRegion(service, img.region!));
    if (absent.length > 0) {
      crossRegion = true;
      missing.push(`image '${img.image}' of container '${img.container}' (ECR in ${img.region}, not ${home}: this VPC's endpoints serve ${home} only; `
        + `it needs ${orList(absent.map((a) => `an ${a} interface endpoint with ServiceRegion ${img.region}`))}, or internet access)`);
    }
  }
  if (needs.awslogs) need('logs', 'the logs endpoint (awslogs)');
  if (needs.secretsManager) need('secretsmanager', 'the secretsmanager endpoint (secrets)');
  if (needs.ssm) need('ssm', 'the ssm endpoint (parameters)');
  return { missing, closed, crossRegion };
}
