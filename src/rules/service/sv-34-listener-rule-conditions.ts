import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';

/** ELB quotas: condition values per rule (not adjustable), and the length of a host header or path pattern value. */
const MAX_VALUES = 5;
const MAX_LENGTH = 128;

/** The value lists of the condition kinds that count toward the 5 (source-ip and method left out: not judged). */
const COUNTED: Readonly<Record<string, string>> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-header': 'HttpHeaderConfig',
  'query-string': 'QueryStringConfig',
};

export const SV34_LISTENER_RULE_CONDITIONS: ResourceRule = {
  id: 'ECS-SV-34',
  title: 'Listener rule: at most 5 condition values, host and path values up to 128 characters',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Counts the host-header, path-pattern, http-header and query-string values of a load balancer listener rule (the rule a kit WebService '
    + 'or an ecs-patterns service routes by) against the 5 condition values per rule, and checks each host header and path pattern value against '
    + 'the 128-character limit. Source IP and request method values are not counted. Unresolved lists or values are skipped.',
  deployError: 'CloudFormation fails to create the listener rule (ValidationError: too many condition values, or a value too long) and the stack rolls back.',
  fix: 'Split the conditions over two rules with their own priorities, or use wildcards (* and ?) to match several hosts or paths with one value.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
  onlyWith: ['Conditions'],
  check(rule): RuleIssue[] {
    const conditions = toArray(rule.properties.Conditions);
    if (!conditions) return [];
    const issues: RuleIssue[] = [];
    let count = 0;
    let counted = true;
    conditions.forEach((raw, i) => {
      const condition = toObject(raw);
      const field = toStr(condition?.Field);
      const config = field !== undefined && COUNTED[field] ? toObject(condition?.[COUNTED[field]]) : undefined;
      // The config object, else the older Values list beside Field.
      const values = field === undefined || !COUNTED[field] ? [] : toArray(config?.Values ?? condition?.Values);
      if (!values) {
        counted = false;
        return;
      }
      count += values.length;
      if (field !== 'host-header' && field !== 'path-pattern') return;
      values.forEach((v, j) => {
        const text = toStr(v);
        if (text === undefined || text.length <= MAX_LENGTH) return;
        issues.push({
          property: `Properties/Conditions/${i}/${config ? `${COUNTED[field]}/` : ''}Values/${j}`,
          value: `${text.slice(0, 40)}...`,
          problem: `${field} value of ${text.length} characters`,
          allowed: `host header and path pattern values of up to ${MAX_LENGTH} characters`,
          fix: `Shorten it, e.g. with a wildcard: ${JSON.stringify(`${text.slice(0, 20)}*`)}.`,
        });
      });
    });
    if (counted && count > MAX_VALUES) {
      issues.push({
        property: 'Properties/Conditions',
        value: count,
        problem: `the rule has ${count} host-header, path-pattern, http-header and query-string values`,
        allowed: `at most ${MAX_VALUES} condition values per rule (an Elastic Load Balancing quota that cannot be raised)`,
        fix: 'Split the hosts or paths over two rules (the kit: a second WebService target, or additionalTargets with their own priority), or match several with one wildcard value.',
      });
    }
    return issues;
  },
};
