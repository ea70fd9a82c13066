import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode } from '../task/task-facts';
import { toObject } from '../values';
import { SERVICE, serviceTask } from './service-facts';

export const SV18_NETWORK_CONFIGURATION_AWSVPC_ONLY: ResourceRule = {
  id: 'ECS-SV-18',
  title: 'A service NetworkConfiguration is only valid for awsvpc task definitions',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags AwsvpcConfiguration (subnets, security groups, public IP) on a service whose task definition (in the template) uses bridge, host or none. aws-cdk-lib checks this for its L2 services only.',
  deployError: 'CreateService fails: "Network Configuration is not valid for the given networkMode of this task definition."',
  fix: 'Set the task definition NetworkMode to awsvpc, or remove NetworkConfiguration (Ec2Service for EC2 task definitions; on a FargateService, which always writes it, a property deletion override).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-networkConfiguration',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    const config = toObject(service.properties.NetworkConfiguration);
    if (!config || config.AwsvpcConfiguration === undefined) return [];
    const task = serviceTask(service, ctx);
    const mode = task ? networkMode(task) : undefined;
    if (!task || mode === undefined || mode === 'awsvpc') return [];
    return [{
      property: 'Properties/NetworkConfiguration/AwsvpcConfiguration',
      value: config.AwsvpcConfiguration,
      problem: `service sets AwsvpcConfiguration but task definition ${task.path} uses network mode ${mode}`,
      allowed: 'NetworkConfiguration only when the task definition uses awsvpc',
      // aws-cdk-lib's FargateService (which its README uses for Managed Instances too) always writes NetworkConfiguration.
      fix: 'Set NetworkMode awsvpc on the task definition, or remove NetworkConfiguration from the service: use Ec2Service for an EC2 '
        + "task definition; a FargateService always writes it, so delete it with (service.node.defaultChild as ecs.CfnService).addPropertyDeletionOverride('NetworkConfiguration')",
    }];
  },
};
