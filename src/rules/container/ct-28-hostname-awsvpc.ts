import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containers } from './container-facts';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';

export const CT28_HOSTNAME_AWSVPC: ResourceRule = {
  id: 'ECS-CT-28',
  title: 'A container hostname is not allowed in awsvpc network mode',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags a container definition with Hostname in a task definition whose NetworkMode is awsvpc (every Fargate task): the task '
    + 'has its own network interface and ECS does not set a container hostname there. aws-cdk-lib renders the hostname prop in any mode. '
    + 'Skipped when NetworkMode is unresolved.',
  deployError: 'RegisterTaskDefinition fails (ClientException): the hostname parameter is not supported in the awsvpc network mode.',
  fix: 'Remove Hostname (hostname in aws-cdk-lib, hostname in task definition JSON); in awsvpc mode the task is reached by its network interface address or a service discovery name.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Hostname'],
  check(task): RuleIssue[] {
    if (networkMode(task) !== 'awsvpc') return [];
    return containers(task).filter(({ def }) => def.Hostname !== undefined).map(({ def, index }) => ({
      property: `Properties/ContainerDefinitions/${index}/Hostname`,
      value: def.Hostname,
      problem: `${containerLabel(def, index)} sets Hostname ${JSON.stringify(def.Hostname)} in awsvpc network mode`,
      allowed: 'no Hostname in awsvpc mode (bridge and host tasks may set one)',
      fix: 'Remove Hostname; reach the task by its network interface address, Service Connect or a service discovery name.',
    }));
  },
};
