import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';
import { toNumber } from '../values';
import { portMappings } from './port-mappings';

export const PM01_HOST_PORT_MATCHES: ResourceRule = {
  id: 'ECS-PM-01',
  title: 'awsvpc and host network modes: hostPort omitted or equal to containerPort',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Re-checks, for L1 and escape-hatch task definitions, that port mappings in awsvpc or host network mode leave HostPort out or set it to ContainerPort (aws-cdk-lib checks this only for containers added through the L2 API). HostPort 0 is left alone.',
  deployError: 'RegisterTaskDefinition fails: in awsvpc and host network modes the host port must equal the container port.',
  fix: 'Remove HostPort or set it to the ContainerPort value.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/HostPort'],
  check(task): RuleIssue[] {
    const mode = networkMode(task);
    if (mode !== 'awsvpc' && mode !== 'host') return [];
    const issues: RuleIssue[] = [];
    for (const pm of portMappings(task)) {
      const host = toNumber(pm.mapping.HostPort);
      const container = toNumber(pm.mapping.ContainerPort);
      if (host === undefined || container === undefined || host === 0 || host === container) continue;
      issues.push({
        property: `${pm.pointer}/HostPort`,
        value: pm.mapping.HostPort,
        problem: `${pm.container} maps HostPort ${host} to ContainerPort ${container} in ${mode} network mode`,
        allowed: `HostPort omitted or equal to ContainerPort (${container})`,
        fix: `Remove HostPort or set it to ${container}.`,
        ...(mode === 'awsvpc' ? { builtInOverlap: 'E3053' } : {}),
      });
    }
    return issues;
  },
};
