import { ResourceRule, RuleIssue, Severity } from '../rule';
import { compatibilities } from './compatibilities';
import { networkMode, TASK_DEFINITION } from './task-facts';

const ALLOWED: Record<string, readonly string[]> = {
  EXTERNAL: ['bridge', 'host', 'none'],
  // The API reference (ManagedInstancesNetworkConfiguration) lists none as well; the
  // Developer Guide names only awsvpc and host. An error must not fire on a mode ECS may accept.
  MANAGED_INSTANCES: ['awsvpc', 'host', 'none'],
};

export const TD08_EXTERNAL_MANAGED_NETWORK_MODE: ResourceRule = {
  id: 'ECS-TD-08',
  title: 'EXTERNAL tasks use bridge, host or none; Managed Instances tasks use awsvpc, host or none',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks NetworkMode of task definitions that require EXTERNAL (ECS Anywhere; bridge when omitted) or MANAGED_INSTANCES (which need it set). none is allowed on Managed Instances as the API reference (ManagedInstancesNetworkConfiguration) lists it, though aws-cdk-lib\'s TaskDefinition accepts only awsvpc and host there.',
  deployError: 'RegisterTaskDefinition fails: the network mode is not supported for the required compatibility.',
  fix: 'Use bridge, host or none for EXTERNAL; awsvpc, host or none for MANAGED_INSTANCES.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const compat = compatibilities(task);
    const mode = networkMode(task);
    if (!compat || mode === undefined) return [];
    return compat.filter((c) => ALLOWED[c] && !ALLOWED[c].includes(mode)).map((c) => ({
      property: 'Properties/NetworkMode',
      value: task.properties.NetworkMode,
      // Omitted means bridge on EC2 and EXTERNAL; Managed Instances have no default and run no task without a mode.
      problem: task.properties.NetworkMode === undefined && c === 'MANAGED_INSTANCES'
        ? `${c} task definition sets no NetworkMode; Managed Instances run tasks only with a network mode set`
        : `${c} task definition uses network mode ${mode}${task.properties.NetworkMode === undefined ? ' (NetworkMode omitted)' : ''}`,
      allowed: `${ALLOWED[c].join(', ')} for ${c}`,
      fix: `Set NetworkMode to ${ALLOWED[c][0]}.`,
    }));
  },
};
