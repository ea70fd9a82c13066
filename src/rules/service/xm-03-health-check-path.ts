import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { EXPRESS_API, EXPRESS_SERVICE } from './express-facts';

/** CreateTargetGroup HealthCheckPath: 1-1024 characters. */
const MAX_PATH = 1024;

export const XM03_HEALTH_CHECK_PATH: ResourceRule = {
  id: 'ECS-XM-03',
  title: 'Express service health check path starts with / and is at most 1024 characters',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks HealthCheckPath: the path on the container the Application Load Balancer health check requests; it must start with a forward slash, may carry a query string (default /ping), and is at most 1024 characters (the target group\'s HealthCheckPath limit).',
  deployError: 'CreateExpressGatewayService fails: invalid health check path for the target group.',
  fix: 'Use a path starting with /, e.g. /health or /ping?format=json.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const path = toStr(service.properties.HealthCheckPath);
    if (path === undefined) return [];
    if (path.length > MAX_PATH) {
      return [{
        property: 'Properties/HealthCheckPath',
        value: path,
        problem: `HealthCheckPath has ${path.length} characters`,
        allowed: `1-${MAX_PATH} characters (an Application Load Balancer target group's health check path)`,
        fix: 'Use a short health check path, such as /health.',
      }];
    }
    if (path.startsWith('/') && !/\s/.test(path)) return [];
    return [{ property: 'Properties/HealthCheckPath', value: path, problem: `HealthCheckPath ${JSON.stringify(path)} does not start with / or contains whitespace`, allowed: 'a path starting with /, no whitespace (e.g. /health)', fix: 'Start the path with / (e.g. /health).' }];
  },
};
