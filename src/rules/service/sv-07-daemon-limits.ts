import { ResourceRule, RuleIssue, Severity } from '../rule';
import { controllerType, launchKind, schedulingStrategy, SERVICE } from './service-facts';

export const SV07_DAEMON_LIMITS: ResourceRule = {
  id: 'ECS-SV-07',
  title: 'DAEMON services cannot run on Fargate or use the CODE_DEPLOY / EXTERNAL controller',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags SchedulingStrategy DAEMON together with a CODE_DEPLOY or EXTERNAL deployment controller (aws-cdk-lib does not check CODE_DEPLOY on Ec2Service) or with Fargate (LaunchType FARGATE or a FARGATE/FARGATE_SPOT-only strategy, reachable through L1 and escape hatches).',
  deployError: "CreateService fails: tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller types don't support the DAEMON scheduling strategy.",
  fix: 'Use the REPLICA scheduling strategy, or run the daemon on EC2 with the ECS deployment controller.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['SchedulingStrategy'],
  check(service, ctx): RuleIssue[] {
    if (schedulingStrategy(service) !== 'DAEMON') return [];
    const issues: RuleIssue[] = [];
    const controller = controllerType(service);
    if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL') {
      issues.push({
        property: 'Properties/DeploymentController/Type',
        value: controller,
        problem: `DAEMON service uses the ${controller} deployment controller`,
        allowed: 'the ECS deployment controller for DAEMON services',
        fix: 'Set DeploymentController Type to ECS, or use SchedulingStrategy REPLICA for blue/green deployments.',
      });
    }
    if (launchKind(service, ctx) === 'FARGATE') {
      const viaLaunchType = service.properties.LaunchType !== undefined;
      issues.push({
        property: viaLaunchType ? 'Properties/LaunchType' : 'Properties/CapacityProviderStrategy',
        value: viaLaunchType ? service.properties.LaunchType : service.properties.CapacityProviderStrategy,
        problem: 'DAEMON service runs on Fargate',
        allowed: 'DAEMON on EC2 or EXTERNAL capacity only',
        fix: 'Use SchedulingStrategy REPLICA on Fargate, or move the daemon to EC2 capacity.',
        builtInOverlap: 'E3044',
      });
    }
    return issues;
  },
};
