import { ECS_SERVICE, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { isUnresolved } from '../../rules/values';

export const ORG_TAG_02_TAG_PROPAGATION: OrgRule = {
  id: 'ORG-TAG-02',
  title: 'Services propagate tags to tasks',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Every ECS service sets PropagateTags to SERVICE or TASK_DEFINITION, so tasks carry the tags cost reports group by.',
  deployError: 'Deploys, but tasks are untagged: cost allocation by tag misses them.',
  fix: 'Set propagateTags: ecs.PropagatedTagSource.SERVICE (kit services do by default).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html#tag-resources',
  resourceTypes: [ECS_SERVICE],
  appliesTo: (s) => s.requireTagPropagation === true,
  check(resource, _context, standard) {
    const value = resource.properties.PropagateTags;
    if (isUnresolved(value) || value === 'SERVICE' || value === 'TASK_DEFINITION') return [];
    return [{
      property: 'Properties/PropagateTags',
      value,
      problem: `ECS service PropagateTags is ${value === undefined ? 'not set' : `'${String(value)}'`}, so its tasks are untagged (${standardLabel(standard)})`,
      allowed: 'SERVICE, TASK_DEFINITION',
      fix: 'Set propagateTags: ecs.PropagatedTagSource.SERVICE (in CloudFormation, PropagateTags: SERVICE)',
    }];
  },
};
