/**
 * Construction-time checks of a service's props and inputs, with the rule
 * ids the synth-time rules use, and the subnet default every service shares.
 */
import { Annotations, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { checkRange } from './service-capacity';
import { ServiceTask } from './service-inputs';
import { ReplicaServiceProps } from './service-props';
import { fail } from '../../errors';
import { taskDefinitionContainers } from '../../internal/cdk-internals';
import { taskDefinitionRuleIds, validateWithRules } from '../../plugin/resource-validation';
import { formatMessage } from '../../rules/engine';
import { ecsNameProblem, suggestEcsName } from '../../rules/service/name-format';
import { PERCENT } from '../../rules/tables/capacity-limits';

/** Private subnets with egress, or isolated ones in a VPC without NAT; never public. */
export function privateSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return { subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED };
}

/** ECS-SV-31 at construction: Fargate tasks in public subnets without a public IP cannot pull images. */
export function checkPublicSubnets(path: string, vpc: ec2.IVpc, selection: ec2.SubnetSelection | undefined): void {
  if (!selection) return;
  const publicIds = new Set(vpc.publicSubnets.map((s) => s.subnetId));
  const chosen = vpc.selectSubnets(selection).subnets.filter((s) => publicIds.has(s.subnetId));
  if (chosen.length === 0) return;
  fail({
    code: 'ECS-SV-31',
    path,
    problem: `Fargate tasks run in public subnets (${chosen.map((s) => s.node.path).join(', ')}) with AssignPublicIp DISABLED (default)`,
    allowed: 'AssignPublicIp ENABLED in public subnets, or private subnets with a NAT gateway or VPC endpoints',
    fix: 'Set assignPublicIp: true, or use private subnets (vpcSubnets: { subnetType: PRIVATE_WITH_EGRESS }).',
  });
}

export function checkDeployment(path: string, props: ReplicaServiceProps, daemon: boolean): void {
  const min = props.minHealthyPercent ?? (daemon ? 0 : 100);
  const max = props.maxHealthyPercent ?? (daemon ? 100 : 200);
  checkRange(path, 'KIT-SERVICE-PERCENT', 'minHealthyPercent', min, PERCENT);
  if (daemon && !Token.isUnresolved(max) && max !== 100) {
    fail({ code: 'ECS-SV-07', path, problem: `maxHealthyPercent ${max} is set on a daemon service`, allowed: '100', fix: 'Remove maxHealthyPercent: a daemon runs one task per instance.' });
  }
  if (props.availabilityZoneRebalancing && !Token.isUnresolved(max) && max <= 100) {
    fail({
      code: 'ECS-SV-26',
      path,
      problem: `availabilityZoneRebalancing needs maxHealthyPercent above 100, got ${max}`,
      allowed: 'maxHealthyPercent > 100',
      fix: 'Raise maxHealthyPercent (200 is the default) or turn rebalancing off.',
    });
  }
}

/** A literal serviceName in the ECS name format, at construction, reported as `rule.code` (ECS-SV-24, or ECS-XM-06 for an Express service). */
export function checkServiceName(path: string, name: string | undefined, rule: { readonly code: 'ECS-SV-24' | 'ECS-XM-06' }): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  const problem = ecsNameProblem(name);
  if (problem) {
    fail({ code: rule.code, path, problem: `serviceName '${name}' ${problem}`, allowed: '1-255 letters, digits, - and _', fix: `Rename the service, for example to '${suggestEcsName(name)}'.` });
  }
}

/** aws-cdk-lib task definitions already given the task rules, so a shared one reports once. */
const VALIDATED_TASKS = new WeakSet<ecs.TaskDefinition>();

/** A task definition brought from aws-cdk-lib gets the task checks a kit task gets, with or without EcsChecks. */
export function validatePlainTaskDefinition(taskDefinition: ecs.TaskDefinition): void {
  const cfn = taskDefinition.node.defaultChild;
  if (VALIDATED_TASKS.has(taskDefinition) || !(cfn instanceof ecs.CfnTaskDefinition)) return;
  VALIDATED_TASKS.add(taskDefinition);
  validateWithRules(taskDefinition, cfn, taskDefinitionRuleIds());
}


/**
 * KIT-SERVICE-PORT-UNMAPPED: `allowFrom(peer, port)` or a target group's health check port with a port no container of
 * the task maps. Load balancers and Service Connect proxies connect to container ports, so callers through them time
 * out while the deployment succeeds. A warning: an awsvpc task may listen on a port it does not map. `opener` says
 * what opened the port, for the message.
 */
export function warnUnmappedPort(scope: Construct, task: ServiceTask, port: number, opener: string): void {
  if (Token.isUnresolved(port) || !task.l2) return;
  const mappings = taskDefinitionContainers(task.l2).flatMap((c) => c.portMappings);
  const ports = mappings.map((m) => m.containerPortRange ?? String(m.containerPort));
  if (ports.length === 0) return; // the task declares no ports: nothing to compare with
  const inRange = (text: string) => {
    const [low, high] = text.split('-').map(Number);
    return port >= low && port <= (high ?? low);
  };
  // A fixed host port (bridge or host mode) is what callers on the instance connect to.
  if (ports.some(inRange) || fixedHostPort(task, port) !== undefined) return;
  Annotations.of(scope).addWarningV2('KIT-SERVICE-PORT-UNMAPPED', formatMessage('KIT-SERVICE-PORT-UNMAPPED', scope.node.path, {
    problem: `${opener}, which no container of task ${task.path} maps (${ports.join(', ')})`,
    allowed: `a container port of the task: ${ports.join(', ')}`,
    fix: 'Pass the container port the service listens on (load balancers and Service Connect proxies connect to it), or add that port mapping',
  }));
}

/** The fixed host port (bridge mode) callers use for `port`: a mapping's hostPort, when `port` is its container or host port. */
export function fixedHostPort(task: ServiceTask, port: number): number | undefined {
  if (!task.l2 || Token.isUnresolved(port)) return undefined;
  for (const m of taskDefinitionContainers(task.l2).flatMap((c) => c.portMappings)) {
    const host = m.hostPort;
    if (host !== undefined && !Token.isUnresolved(host) && host > 0 && (m.containerPort === port || host === port)) return host;
  }
  return undefined;
}

/**
 * ECS-TD-21 before aws-cdk-lib's service, which needs an essential container and otherwise throws its own error (with
 * Service Connect a misleading "Task definition must have at least one container" for a task that has containers).
 */
export function checkEssentialContainer(taskPath: string, containers: readonly ecs.ContainerDefinition[]): void {
  if (containers.length === 0 || containers.some((c) => c.essential)) return;
  fail({
    code: 'ECS-TD-21',
    path: taskPath,
    problem: `all ${containers.length} container(s) set essential false (${containers.map((c) => c.containerName).join(', ')})`,
    allowed: 'at least one essential container',
    fix: 'Set essential to true (or remove it) on the main container.',
  });
}
