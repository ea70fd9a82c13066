import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { EXPRESS_API, EXPRESS_SERVICE } from './express-facts';
import { ecsNameProblem, suggestEcsName } from './name-format';

export const XM06_SERVICE_NAME: ResourceRule = {
  id: 'ECS-XM-06',
  title: 'Express service name is 1-255 letters, digits, _ and -',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ServiceName of an Express service: up to 255 letters, numbers, underscores and hyphens, unique in the cluster.',
  deployError: 'CreateExpressGatewayService fails: invalid service name.',
  fix: 'Rename the service to letters, digits, - and _ only, 255 characters at most.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const name = toStr(service.properties.ServiceName);
    if (name === undefined) return [];
    const problem = ecsNameProblem(name);
    if (!problem) return [];
    return [{ property: 'Properties/ServiceName', value: name, problem: `Express ServiceName '${name}' ${problem}`, allowed: '1-255 letters, digits, - and _', fix: `Rename the service, for example to '${suggestEcsName(name)}'.` }];
  },
};
