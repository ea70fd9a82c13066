import { ResourceRule, RuleIssue, Severity } from '../rule';
import { controllerType, SERVICE, serviceTask } from './service-facts';
import { networkMode } from '../task/task-facts';

export const SV17_AWSVPC_NETWORK_CONFIGURATION: ResourceRule = {
  id: 'ECS-SV-17',
  title: 'Services running awsvpc task definitions need a NetworkConfiguration',
  area: 'service',
  severity: Severity.ERROR,
  builtInOverlap: ['E3052'],
  description: 'Flags an AWS::ECS::Service without NetworkConfiguration whose task definition (in the template) uses NetworkMode awsvpc. aws-cdk-lib L2 services always render it; L1 templates and the CLI need the check.',
  deployError: 'CreateService fails: "Network Configuration must be provided when networkMode \'awsvpc\' is specified."',
  fix: 'Add NetworkConfiguration.AwsvpcConfiguration with Subnets (and SecurityGroups).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-networkConfiguration',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    if (service.properties.NetworkConfiguration !== undefined || controllerType(service) === 'EXTERNAL') return [];
    const task = serviceTask(service, ctx);
    if (!task || task.properties.NetworkMode === undefined || networkMode(task) !== 'awsvpc') return [];
    return [{
      property: 'Properties/NetworkConfiguration',
      value: undefined,
      problem: `service runs awsvpc task definition ${task.path} but has no NetworkConfiguration`,
      allowed: 'NetworkConfiguration.AwsvpcConfiguration with at least one subnet for awsvpc tasks',
      fix: 'Add NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [...], SecurityGroups: [...] } }.',
    }];
  },
};
