import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';

/** What Elastic Load Balancing lets a host condition hold: letters, digits, - _ . and the wildcards * and ?. */
const HOST_CHARACTERS = /^[A-Za-z0-9\-_.*?]+$/;

/** Why a host header value is refused, or undefined (lenient after the final ".", where the AWS pages differ: digits and wildcards pass). */
export function hostHeaderProblem(value: string): string | undefined {
  if (!HOST_CHARACTERS.test(value)) {
    const bad = [...new Set(value.replace(/[A-Za-z0-9\-_.*?]/g, ''))].map((c) => JSON.stringify(c)).join(', ');
    return `contains ${bad}, which a host name cannot`;
  }
  if (!value.includes('.')) return 'has no "." (a host condition must include at least one)';
  return undefined;
}

export const SV39_HOST_HEADER_VALUES: ResourceRule = {
  id: 'ECS-SV-39',
  title: 'Listener rule host conditions are host names',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks each host-header value of a load balancer listener rule: only letters, digits, -, _, . and the wildcards * and ?, at '
    + 'least one "." (a URL such as https://api.example.com/ or a bare name such as localhost is refused). What follows the final "." is not '
    + 'judged: the API reference says letters only, the console guide letters and digits. Unresolved values are skipped.',
  deployError: 'CloudFormation fails to create the listener rule (ValidationError: the host header condition value is not valid) and the stack rolls back.',
  fix: 'Give the host name only, e.g. api.example.com or *.example.com: no scheme, port or path (route paths with a path-pattern condition).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_HostHeaderConditionConfig.html',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
  onlyWith: ['Conditions'],
  check(rule): RuleIssue[] {
    const issues: RuleIssue[] = [];
    (toArray(rule.properties.Conditions) ?? []).forEach((raw, i) => {
      const condition = toObject(raw);
      if (toStr(condition?.Field) !== 'host-header') return;
      const config = toObject(condition?.HostHeaderConfig);
      (toArray(config?.Values ?? condition?.Values) ?? []).forEach((v, j) => {
        const text = toStr(v);
        const problem = text === undefined ? undefined : hostHeaderProblem(text);
        if (!problem) return;
        issues.push({
          property: `Properties/Conditions/${i}/${config ? 'HostHeaderConfig/' : ''}Values/${j}`,
          value: text,
          problem: `host-header value ${JSON.stringify(text)} ${problem}`,
          allowed: 'a host name of letters, digits, -, _ and ., with * and ? as wildcards and at least one "."',
          fix: `Use the host name only${/:\/\//.test(text!) ? `: ${JSON.stringify(text!.replace(/^[a-z]+:\/\//i, '').replace(/[:/].*$/, ''))}` : ''}.`,
        });
      });
    });
    return issues;
  },
};
