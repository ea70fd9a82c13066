import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject } from '../values';
import { controllerType, SERVICE } from './service-facts';

export const SV12_CODE_DEPLOY_LOAD_BALANCER: ResourceRule = {
  id: 'ECS-SV-12',
  title: 'CODE_DEPLOY services need an Application or Network Load Balancer target group',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags services with the CODE_DEPLOY deployment controller that list no load balancer, or only Classic Load Balancers (LoadBalancerName without TargetGroupArn).',
  deployError: 'The service cannot be created or deployed by CodeDeploy: a CODE_DEPLOY service is required to use an Application Load Balancer or Network Load Balancer target group.',
  fix: 'Attach an ALB/NLB target group to the service (the CodeDeploy deployment group adds the second one).',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-loadbalancer.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentController'],
  check(service): RuleIssue[] {
    if (controllerType(service) !== 'CODE_DEPLOY') return [];
    const raw = service.properties.LoadBalancers;
    const list = raw === undefined ? [] : toArray(raw);
    if (!list) return [];
    const entries = list.map(toObject);
    if (entries.some((e) => !e)) return [];
    if (entries.length === 0) {
      return [{
        property: 'Properties/LoadBalancers',
        value: raw,
        problem: 'CODE_DEPLOY service has no LoadBalancers',
        allowed: 'one Application or Network Load Balancer target group (TargetGroupArn)',
        fix: 'Add a LoadBalancers entry with the production TargetGroupArn, container name and port.',
      }];
    }
    if (entries.every((e) => e!.TargetGroupArn === undefined && e!.LoadBalancerName !== undefined)) {
      return [{
        property: 'Properties/LoadBalancers/0/LoadBalancerName',
        value: entries[0]!.LoadBalancerName,
        problem: 'CODE_DEPLOY service uses only Classic Load Balancers',
        allowed: 'Application or Network Load Balancer target groups (TargetGroupArn)',
        fix: 'Replace the Classic Load Balancer with an ALB or NLB target group.',
      }];
    }
    return [];
  },
};
