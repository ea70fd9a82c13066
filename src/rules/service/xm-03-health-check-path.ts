import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { EXPRESS_API, EXPRESS_SERVICE } from './express-facts';

export const XM03_HEALTH_CHECK_PATH: ResourceRule = {
  id: 'ECS-XM-03',
  title: 'Express service health check path starts with /',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks HealthCheckPath: the path on the container the Application Load Balancer health check requests; it must start with a forward slash and may carry a query string (default /ping).',
  deployError: 'CreateExpressGatewayService fails: invalid health check path for the target group.',
  fix: 'Use a path starting with /, e.g. /health or /ping?format=json.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const path = toStr(service.properties.HealthCheckPath);
    if (path === undefined || (path.startsWith('/') && !/\s/.test(path))) return [];
    return [{ property: 'Properties/HealthCheckPath', value: path, problem: `HealthCheckPath ${JSON.stringify(path)} does not start with / or contains whitespace`, allowed: 'a path starting with /, no whitespace (e.g. /health)', fix: 'Start the path with / (e.g. /health).' }];
  },
};
