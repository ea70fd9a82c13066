import { ECS_SERVICE, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../../rules/service/schedule-facts';
import { isUnresolved } from '../../rules/values';

/** aws-cdk-lib and the kit leave PropagateTags out for PropagatedTagSource.NONE, so the template cannot tell NONE from unset. */
const UNSET = 'not set (propagateTags NONE, or none given)';

export const ORG_TAG_02_TAG_PROPAGATION: OrgRule = {
  id: 'ORG-TAG-02',
  title: 'Services and scheduled tasks propagate tags to tasks',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Every ECS service sets PropagateTags to SERVICE or TASK_DEFINITION, and every EventBridge Scheduler schedule or EventBridge rule '
    + 'target that runs an ECS task sets EcsParameters.PropagateTags to TASK_DEFINITION, so tasks carry the tags cost reports group by.',
  deployError: 'Deploys, but tasks are untagged: cost allocation by tag misses them.',
  fix: 'Set propagateTags: ecs.PropagatedTagSource.SERVICE on services and TASK_DEFINITION on scheduled tasks (kit services and ScheduledJob do by default).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html#tag-resources',
  resourceTypes: [ECS_SERVICE, SCHEDULE, EVENTS_RULE],
  appliesTo: (s) => s.requireTagPropagation === true,
  check(resource, _context, standard) {
    if (resource.type === SCHEDULE || resource.type === EVENTS_RULE) {
      // Scheduler schedules and EventBridge rules (ecs-patterns ScheduledFargateTask, events-targets EcsTask) alike.
      return ecsTargets(resource).flatMap(({ path, ecs }) => {
        const value = ecs.PropagateTags;
        if (isUnresolved(value) || value === 'TASK_DEFINITION') return [];
        return [{
          property: `${path}/EcsParameters/PropagateTags`,
          value,
          problem: `Scheduled ECS task PropagateTags is ${value === undefined ? UNSET : `'${String(value)}'`}, so the tasks it runs are untagged (${standardLabel(standard)})`,
          allowed: 'TASK_DEFINITION',
          fix: 'Set propagateTags: ecs.PropagatedTagSource.TASK_DEFINITION (in CloudFormation, EcsParameters.PropagateTags: TASK_DEFINITION)',
        }];
      });
    }
    const value = resource.properties.PropagateTags;
    if (isUnresolved(value) || value === 'SERVICE' || value === 'TASK_DEFINITION') return [];
    return [{
      property: 'Properties/PropagateTags',
      value,
      problem: `ECS service PropagateTags is ${value === undefined ? UNSET : `'${String(value)}'`}, so its tasks are untagged (${standardLabel(standard)})`,
      allowed: 'SERVICE, TASK_DEFINITION',
      fix: 'Set propagateTags: ecs.PropagatedTagSource.SERVICE (in CloudFormation, PropagateTags: SERVICE)',
    }];
  },
};
