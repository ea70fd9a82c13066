import { ECS_SERVICE, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { toNumber } from '../../rules/values';

export const ORG_SVC_01_MAX_DESIRED_COUNT: OrgRule = {
  id: 'ORG-SVC-01',
  title: 'Services stay within the maximum desiredCount',
  area: 'org',
  severity: Severity.ERROR,
  description: 'ECS services ask for at most the standard\'s maximum desiredCount.',
  deployError: 'Deploys, but runs more tasks than the organization allows for one service.',
  fix: 'Lower desiredCount; scale with auto scaling up to the limit instead.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  resourceTypes: [ECS_SERVICE],
  appliesTo: (s) => s.maxDesiredCount !== undefined,
  check(resource, _context, standard) {
    const count = toNumber(resource.properties.DesiredCount);
    const max = standard.maxDesiredCount ?? 0;
    if (count === undefined || count <= max) return [];
    return [{
      property: 'Properties/DesiredCount',
      value: count,
      problem: `ECS service desiredCount ${count} is above the maximum ${max} of ${standardLabel(standard)}`,
      allowed: `0 to ${max}`,
      fix: `Set desiredCount to ${max} or less`,
    }];
  },
};
