import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { show, toArray, toObject, toStr } from '../values';
import { SERVICE } from './service-facts';

/** The most characters a placement constraint expression may have. */
const MAX_EXPRESSION = 2000;

export const SV36_PLACEMENT_FIELDS: ResourceRule = {
  id: 'ECS-SV-36',
  title: 'Placement strategies and constraints name fields and expressions ECS accepts',
  area: 'service',
  severity: Severity.ERROR,
  description: 'On services and task definitions: a binpack strategy\'s Field must be cpu or memory; a spread strategy\'s Field must be instanceId, host '
    + 'or an attribute (attribute:NAME); a distinctInstance constraint takes no Expression; an Expression has at most 2,000 characters. '
    + 'Unresolved values are skipped.',
  deployError: 'CreateService or RegisterTaskDefinition fails with an InvalidParameterException about the placement strategy field or constraint expression.',
  fix: 'Binpack on cpu or memory, spread on instanceId or attribute:ecs.availability-zone (or another attribute), and drop the expression of a '
    + 'distinctInstance constraint (use a memberOf constraint for the expression).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html',
  resourceTypes: [SERVICE, TASK_DEFINITION],
  onlyWith: ['PlacementStrategies', 'PlacementConstraints'],
  check(resource): RuleIssue[] {
    const issues: RuleIssue[] = [];
    (toArray(resource.properties.PlacementStrategies) ?? []).forEach((raw, i) => {
      const strategy = toObject(raw);
      const type = toStr(strategy?.Type)?.toLowerCase();
      const field = strategy?.Field === undefined ? undefined : toStr(strategy.Field);
      if (field === undefined) return;
      const bad = type === 'binpack' ? !['cpu', 'memory'].includes(field.toLowerCase())
        : type === 'spread' ? !['instanceid', 'host'].includes(field.toLowerCase()) && !/^attribute:\S+$/.test(field) : false;
      if (!bad) return;
      issues.push({
        property: `Properties/PlacementStrategies/${i}/Field`,
        value: field,
        problem: `${type} placement strategy ${i} uses field ${show(field)}`,
        allowed: type === 'binpack' ? 'cpu or memory for binpack' : 'instanceId, host or attribute:NAME (such as attribute:ecs.availability-zone) for spread',
        fix: type === 'binpack'
          ? 'Binpack on memory (ecs.PlacementStrategy.packedByMemory()) or cpu (packedByCpu()).'
          : 'Spread on instanceId (ecs.PlacementStrategy.spreadAcrossInstances()) or an attribute (spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE)).',
      });
    });
    (toArray(resource.properties.PlacementConstraints) ?? []).forEach((raw, i) => {
      const constraint = toObject(raw);
      const type = toStr(constraint?.Type);
      const expression = constraint?.Expression;
      if (expression === undefined) return;
      const pointer = `Properties/PlacementConstraints/${i}/Expression`;
      if (type === 'distinctInstance') {
        issues.push({
          property: pointer,
          value: expression,
          problem: `distinctInstance placement constraint ${i} has an Expression`,
          allowed: 'no Expression on a distinctInstance constraint; expressions belong to memberOf constraints',
          fix: 'Remove the Expression (ecs.PlacementConstraint.distinctInstances() takes none), and put it in a separate memberOf constraint (ecs.PlacementConstraint.memberOf(...)).',
        });
        return;
      }
      const text = toStr(expression);
      if (text !== undefined && text.length > MAX_EXPRESSION) {
        issues.push({
          property: pointer,
          value: `${text.slice(0, 40)}...`,
          problem: `placement constraint ${i} has an Expression of ${text.length} characters`,
          allowed: `expressions of at most ${MAX_EXPRESSION} characters`,
          fix: 'Shorten the expression: match on a custom attribute the instances carry instead of listing values.',
        });
      }
    });
    return issues;
  },
};
