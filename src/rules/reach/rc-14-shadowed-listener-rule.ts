import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toArray, toNumber, toObject, toStr } from '../values';
import { forwardTargets, LISTENER_RULE, loadBalancingIndex, referenceKey, serviceTargetGroups, shortPath } from './load-balancing-index';

/** Fields whose values may be written as a condition's own Values (the older form) or inside their config. */
const LEGACY_VALUES: Record<string, string> = { 'host-header': 'HostHeaderConfig', 'path-pattern': 'PathPatternConfig' };

/**
 * One spelling per condition: legacy `Values` of a host-header or path-pattern condition move into its config, and host
 * names are lower-cased (the load balancer compares them case-insensitively).
 */
function normalizeCondition(raw: unknown): unknown {
  const condition = toObject(raw);
  const field = toStr(condition?.Field);
  // HTTP header names compare case-insensitively (the values are matched as written here).
  const header = field === 'http-header' ? toObject(condition?.HttpHeaderConfig) : undefined;
  const headerName = header ? toStr(header.HttpHeaderName) : undefined;
  if (condition && header && headerName !== undefined) {
    return { ...condition, HttpHeaderConfig: { ...header, HttpHeaderName: headerName.toLowerCase() } };
  }
  const config = field === undefined ? undefined : LEGACY_VALUES[field];
  if (!condition || !config) return raw;
  const { Values: values, ...rest } = condition;
  const nested = toObject(rest[config]);
  if (values !== undefined && rest[config] !== undefined) return raw; // Both spellings: CloudFormation rejects it.
  const list = toArray(values ?? nested?.Values);
  const lower = field === 'host-header' && list ? list.map((v) => (typeof v === 'string' && !isUnresolved(v) ? v.toLowerCase() : v)) : list;
  if (!lower) return raw;
  return { ...rest, [config]: { ...nested, Values: lower } };
}

/** The conditions as one text that ignores key and value order and spelling; undefined when any part is unresolved. */
function conditionsKey(conditions: unknown): string | undefined {
  let unresolved = false;
  const canonical = (v: unknown): unknown => {
    if (isUnresolved(v)) unresolved = true;
    if (Array.isArray(v)) return v.map(canonical).map((x) => JSON.stringify(x)).sort();
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    return v;
  };
  const list = toArray(conditions);
  if (!list || list.length === 0) return undefined;
  const key = JSON.stringify(canonical(list.map(normalizeCondition)));
  return unresolved ? undefined : key;
}

export const RC14_SHADOWED_LISTENER_RULE: ResourceRule = {
  id: 'ECS-RC-14',
  title: 'A listener rule in front of an ECS service must not repeat the conditions of a rule evaluated before it',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For an AWS::ElasticLoadBalancingV2::ListenerRule that forwards to a target group an ECS service of the assembly registers with, flags it when another rule of the same listener has the same literal Conditions (fields and values, in any order; a host-header or path-pattern condition\'s Values and its HostHeaderConfig or PathPatternConfig Values are one spelling; host names and HTTP header names compare case-insensitively) and a lower literal Priority: the load balancer evaluates rules by priority and stops at the first match, so this rule never matches. Rules with unresolved conditions or priorities, or a CloudFormation Condition, are not judged.',
  deployError: 'Deploys, but the service behind this rule gets no traffic: every request matching its conditions goes to the earlier rule\'s target.',
  fix: 'Give the rule conditions of its own (another host header or path pattern), or remove one of the two rules.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  resourceTypes: [LISTENER_RULE],
  onlyWith: ['Conditions'],
  check(rule, ctx): RuleIssue[] {
    const priority = toNumber(rule.properties.Priority);
    if (priority === undefined || rule.json.Condition !== undefined) return [];
    const targets = forwardTargets(rule.properties.Actions) ?? [];
    const serviceGroups = serviceTargetGroups(ctx.assembly);
    if (!targets.some((t) => serviceGroups.has(ctx.assembly.resolveResource(t, rule.stack)!))) return [];
    const key = conditionsKey(rule.properties.Conditions);
    const listenerKey = referenceKey(rule.properties.ListenerArn, rule.stack, ctx.assembly);
    if (key === undefined || listenerKey === undefined) return [];
    const earlier = (loadBalancingIndex(ctx.assembly).rulesByListener.get(listenerKey) ?? []).find((other) => other !== rule
      && other.json.Condition === undefined
      && (toNumber(other.properties.Priority) ?? Infinity) < priority
      && conditionsKey(other.properties.Conditions) === key);
    if (!earlier) return [];
    return [{
      property: 'Properties/Conditions',
      value: rule.properties.Conditions,
      problem: `listener rule conditions repeat those of rule ${shortPath(earlier, rule.stack)} (priority ${toNumber(earlier.properties.Priority)}) `
        + `on the same listener, which is evaluated first (this rule's priority is ${priority}), so this rule never matches`,
      allowed: 'conditions no earlier rule of the listener has',
      fix: 'Give the rule its own host header or path pattern, or remove one of the two rules.',
    }];
  },
};
