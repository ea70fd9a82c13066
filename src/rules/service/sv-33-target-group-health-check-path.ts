import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';

/** ELB's limit on HealthCheckPath (CreateTargetGroup: 1-1024 characters). */
const MAX_PATH = 1024;

export const SV33_TARGET_GROUP_HEALTH_CHECK_PATH: ResourceRule = {
  id: 'ECS-SV-33',
  title: 'Target group health check path starts with /',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks HealthCheckPath of a load balancer target group (the path an ECS service\'s tasks answer health checks on): it must start with a forward slash and be at most 1,024 characters long.',
  deployError: 'CloudFormation fails to create or update the target group: Elastic Load Balancing rejects the health check path, and the stack rolls back.',
  fix: 'Start the path with / (e.g. /health instead of health).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
  onlyWith: ['HealthCheckPath'],
  check(group): RuleIssue[] {
    const path = toStr(group.properties.HealthCheckPath);
    if (path === undefined) return [];
    if (!path.startsWith('/')) {
      return [{
        property: 'Properties/HealthCheckPath',
        value: path,
        problem: `Target group health check path ${JSON.stringify(path)} does not start with /`,
        allowed: 'a path starting with / (at most 1,024 characters)',
        fix: `Use ${JSON.stringify(`/${path}`)}.`,
      }];
    }
    if (path.length > MAX_PATH) {
      return [{
        property: 'Properties/HealthCheckPath',
        value: `${path.slice(0, 40)}...`,
        problem: `Target group health check path is ${path.length} characters long`,
        allowed: `at most ${MAX_PATH} characters`,
        fix: 'Use a shorter health check path.',
      }];
    }
    return [];
  },
};
