import { endpointReach, securityGroupsOf } from './endpoint-admission';
import { shortPath } from './load-balancing-index';
import { NetworkIndex, SubnetFacts } from './network-index';
import { namedActions, roleOf, rolePermissions } from './role-permissions';
import { EVENTS_RULE, SCHEDULE, taskLaunch } from './task-launch';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE } from '../service/service-facts';
import { networkMode } from '../task/task-facts';
import { isUnresolved, once, toArray, toStr } from '../values';

export const RC15_QUEUE_REACH: ResourceRule = {
  id: 'ECS-RC-15',
  title: 'Tasks whose role uses Amazon SQS need a network path to SQS',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For services, EventBridge Scheduler schedules and EventBridge rules (the first ECS target) that run awsvpc tasks in subnets of the app, when the task role\'s policies name SQS '
    + 'actions (sqs:ReceiveMessage, sqs:SendMessage, sqs:*; a role allowing only "*" says nothing of what the task calls): a subnet whose routes '
    + 'never leave the VPC, or an internet-gateway subnet where the task gets no public IP (always, for EC2 and Managed Instances tasks), needs an SQS '
    + 'interface endpoint (com.amazonaws.<region>.sqs or sqs-fips) in its VPC whose security groups admit HTTPS from the tasks (as ECS-RC-01 judges them). Services in public subnets without a public IP are ECS-SV-31. Silent when '
    + 'a subnet, route or endpoint is unresolved or outside the app, and for bridge and host tasks (their traffic leaves through the instance).',
  deployError: 'CloudFormation and ECS deploy it and the tasks start, but every SQS call times out: a worker never receives a message (the backlog and '
    + 'its scaling grow while nothing is consumed) and a producer\'s sends fail.',
  fix: 'Add an SQS interface endpoint (vpc.addInterfaceEndpoint(\'Sqs\', { service: ec2.InterfaceVpcEndpointAwsService.SQS })), or run the tasks in '
    + 'subnets with a NAT gateway route (PRIVATE_WITH_EGRESS).',
  source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-internetwork-traffic-privacy.html',
  resourceTypes: [SERVICE, SCHEDULE, EVENTS_RULE],
  onlyWith: [
    'NetworkConfiguration/AwsvpcConfiguration/Subnets',
    'Target/EcsParameters/NetworkConfiguration/AwsvpcConfiguration/Subnets',
    'Targets/*/EcsParameters/NetworkConfiguration/AwsVpcConfiguration/Subnets',
  ],
  check(resource, ctx): RuleIssue[] {
    const launch = taskLaunch(resource, ctx);
    if (!launch || networkMode(launch.task) !== 'awsvpc') return [];
    const role = roleOf(launch.task.properties.TaskRoleArn, launch.task, ctx.assembly);
    if (!role) return [];
    const actions = namedActions(rolePermissions(role, ctx.assembly), 'sqs');
    if (actions.length === 0) return [];
    const subnets = toArray(launch.awsvpc.Subnets);
    const assign = launch.awsvpc.AssignPublicIp;
    if (!subnets || subnets.length === 0 || isUnresolved(assign)) return [];
    // Only Fargate tasks get a public IP; awsvpc tasks on instances never do.
    const publicIp = launch.launchKind === 'FARGATE' && toStr(assign) === 'ENABLED';
    const index = NetworkIndex.of(ctx.assembly);
    const facts = subnets.map((s) => index.subnet(s, resource));
    if (facts.some((f) => f === undefined)) return [];
    const stranded: { facts: SubnetFacts; closed: boolean }[] = [];
    // The tasks' groups are read only for an SQS endpoint that is there.
    const groups = once(() => securityGroupsOf(launch.awsvpc.SecurityGroups, resource, ctx.assembly));
    for (const f of facts as SubnetFacts[]) {
      if (f.egress === 'unknown') continue;
      if (f.egress === 'internet-gateway') {
        // Unknown launch: maybe Fargate with a public IP. ECS-SV-31 reports Fargate services here without one.
        if (launch.launchKind === undefined || publicIp || (launch.isService && launch.launchKind === 'FARGATE')) continue;
      }
      if (!index.endpoints(f.vpcKey)) continue;
      const reach = endpointReach(index, f.vpcKey!, 'sqs', groups, ctx.assembly);
      if (reach !== 'reachable') stranded.push({ facts: f, closed: reach === 'closed' });
    }
    if (stranded.length === 0) return [];
    const first = stranded[0];
    const why = first.facts.egress === 'isolated' ? 'no route out of the VPC' : 'an internet gateway route but no public IP';
    const many = stranded.length > 1;
    return [{
      property: `${launch.awsvpcPointer}/Subnets`,
      value: stranded.map((s) => s.facts.subnet.logicalId),
      problem: `tasks of ${shortPath(launch.task, resource.stack)} call Amazon SQS (task role ${shortPath(role, resource.stack)} allows `
        + `${named(actions)}) but subnet${many ? 's' : ''} ${stranded.map((s) => shortPath(s.facts.subnet, resource.stack)).join(', ')} (${why}) `
        + (first.closed ? `reach${many ? '' : 'es'} no SQS endpoint: the VPC's admits no HTTPS from the tasks` : `${many ? 'have' : 'has'} no SQS endpoint`),
      allowed: 'a NAT gateway route, a public IP (Fargate in a public subnet), or an SQS interface endpoint in the VPC that admits the tasks',
      fix: first.closed
        ? 'Admit HTTPS from the tasks on the SQS endpoint: endpoint.connections.allowDefaultPortFrom(service), or an ingress rule from the VPC CIDR.'
        : 'Add an SQS interface endpoint: vpc.addInterfaceEndpoint(\'Sqs\', { service: ec2.InterfaceVpcEndpointAwsService.SQS }), or route the subnets through a NAT gateway.',
    }];
  },
};

/** The first action the role names, and how many more. */
function named(actions: readonly string[]): string {
  const unique = [...new Set(actions)];
  return unique.length === 1 ? unique[0] : `${unique[0]} and ${unique.length - 1} more SQS action${unique.length > 2 ? 's' : ''}`;
}
