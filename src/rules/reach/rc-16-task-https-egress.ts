import { egressIndex, EgressRule } from './egress-index';
import { securityGroupList } from './endpoint-admission';
import { shortPath } from './load-balancing-index';
import { EVENTS_RULE, SCHEDULE, taskLaunch } from './task-launch';
import { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE } from '../service/service-facts';
import { containers, networkMode } from '../task/task-facts';
import { toObject, toStr } from '../values';

/** HTTPS: registries, CloudWatch Logs, Secrets Manager and SSM, and the VPC endpoints of each. */
const HTTPS = 443;

export const RC16_TASK_HTTPS_EGRESS: ResourceRule = {
  id: 'ECS-RC-16',
  title: 'Fargate tasks\' security groups must let HTTPS out',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For services, EventBridge Scheduler schedules and EventBridge rules (the first ECS target) that run Linux Fargate tasks (platform version 1.4.0 or later, where the task\'s '
    + 'network interface pulls the image and reads secrets and logs) with security groups that are all in the app: at least one of them must '
    + 'allow TCP 443 out, to any destination (a CIDR, a prefix list or a security group, e.g. the VPC endpoints\'). A group without '
    + 'SecurityGroupEgress keeps EC2\'s allow-all rule; aws-cdk-lib writes allowAllOutbound: false as one "Disallow all traffic" ICMP rule. '
    + 'Silent when the service names no security group (the VPC\'s default group), a group or an egress rule is unresolved or outside the app, or '
    + 'an image names a registry on another port.',
  deployError: 'Tasks stop before any container starts: "CannotPullContainerError: ... dial tcp ...:443: i/o timeout" (or "ResourceInitializationError: '
    + 'unable to pull secrets or registry auth"); the service never reaches a steady state and the circuit breaker or CloudFormation rolls it back.',
  fix: 'Allow HTTPS out of the task security group: securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443)) (or to the VPC endpoints\' '
    + 'security group / the VPC CIDR when the tasks reach AWS through endpoints only), or create the group with allowAllOutbound: true.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  resourceTypes: [SERVICE, SCHEDULE, EVENTS_RULE],
  onlyWith: [
    'NetworkConfiguration/AwsvpcConfiguration/SecurityGroups',
    'Target/EcsParameters/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups',
    'Targets/*/EcsParameters/NetworkConfiguration/AwsVpcConfiguration/SecurityGroups',
  ],
  check(resource, ctx): RuleIssue[] {
    const launch = taskLaunch(resource, ctx);
    if (!launch || launch.launchKind !== 'FARGATE' || networkMode(launch.task) !== 'awsvpc') return [];
    if (!onTaskNetworkInterface(resource, launch.ecs) || windows(launch.task) || otherRegistryPort(launch.task)) return [];
    const index = egressIndex(ctx.assembly);
    // None named (the VPC's default group), or one outside the app: not judged.
    const groups = securityGroupList(launch.awsvpc.SecurityGroups, resource, ctx.assembly);
    if (!groups) return [];
    for (const group of groups) {
      const rules = index.egressOf(group);
      if (rules === undefined || rules === 'all' || rules.some(allowsHttps)) return [];
    }
    return [{
      property: `${launch.awsvpcPointer}/SecurityGroups`,
      value: groups.map((g) => g.logicalId),
      problem: `the security group${groups.length > 1 ? 's' : ''} ${groups.map((g) => shortPath(g, resource.stack)).join(', ')} of the tasks of `
        + `${shortPath(launch.task, resource.stack)} ${groups.length > 1 ? 'allow' : 'allows'} no TCP ${HTTPS} out, so the tasks cannot pull their image or reach CloudWatch Logs and secrets`,
      allowed: 'a task security group whose egress rules let TCP 443 out (to the internet, the VPC CIDR or the VPC endpoints\' security group)',
      fix: 'Add securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443)), or an HTTPS rule to the VPC endpoints\' security group.',
    }];
  },
};

/** An egress rule that may carry TCP 443 (an unresolved protocol or port may). */
function allowsHttps(rule: EgressRule): boolean {
  const protocol = rule.protocol;
  if (protocol === undefined || protocol === '-1' || protocol === 'all') return true;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  if (rule.fromPort === undefined || rule.toPort === undefined) return true;
  return rule.fromPort <= HTTPS && HTTPS <= rule.toPort;
}

/** Platform version 1.4.0 and later (LATEST, or none) pull through the task's interface; 1.3.0 and earlier through Fargate's. */
function onTaskNetworkInterface(resource: TemplateResource, ecs: Record<string, unknown> | undefined): boolean {
  const raw = ecs ? ecs.PlatformVersion : resource.properties.PlatformVersion;
  if (raw === undefined) return true;
  const version = toStr(raw);
  if (version === undefined) return false;
  const m = /^(\d+)\.(\d+)\.\d+$/.exec(version);
  return version === 'LATEST' || (!!m && (Number(m[1]) > 1 || Number(m[2]) >= 4));
}

function windows(task: TemplateResource): boolean {
  const family = toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily;
  return family !== undefined && toStr(family) !== 'LINUX';
}

/** An image from a registry on a port other than 443 (`registry.example.com:5000/app`): the egress it needs is not HTTPS. */
function otherRegistryPort(task: TemplateResource): boolean {
  for (const { def } of containers(task)) {
    const image = toStr(def.Image);
    const host = image?.split('/')[0];
    if (image?.includes('/') && host && /:\d+$/.test(host) && !host.endsWith(':443')) return true;
  }
  return false;
}
