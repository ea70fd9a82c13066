import { LISTENER } from '../reach/load-balancing-index';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';

/**
 * ELB security policies that allow TLS 1.0 or 1.1, by their names (the policy table in the ELB guide): the dated
 * 2015/2016 policies, the forward-secrecy ones before FS-1-2, and every policy named for a 1.0 or 1.1 minimum.
 */
const OLD_TLS = /^ELBSecurityPolicy-(2015-05|2016-08|FS-2018-06|FS-1-1-.*|TLS-1-0-.*|TLS-1-1-.*|TLS13-1-0-.*|TLS13-1-1-.*)$/;

export const SV35_LISTENER_TLS_POLICY: ResourceRule = {
  id: 'ECS-SV-35',
  title: 'HTTPS and TLS listeners should not allow TLS 1.0 or 1.1',
  area: 'service',
  severity: Severity.WARNING,
  description: 'Flags a load balancer listener whose SslPolicy is one of the ELB security policies that accept TLS 1.0 or 1.1 clients (ELBSecurityPolicy-2016-08, '
    + '-2015-05, -TLS-1-0-*, -TLS-1-1-*, -TLS13-1-0-*, -TLS13-1-1-*, -FS-2018-06, -FS-1-1-*). PCI DSS and most organizations\' policies retire them; '
    + 'none of the cdk-nag packs or the Control Tower rules checks the policy of an Application Load Balancer listener. A listener without SslPolicy, '
    + 'and policies by other names (the TLS 1.2 and 1.3 ones, FIPS and post-quantum variants by their minimum), are not judged.',
  deployError: 'Deploys; clients can still negotiate TLS 1.0 or 1.1, which compliance scans (PCI DSS) report.',
  fix: 'Use ELBSecurityPolicy-TLS13-1-2-2021-06 (the kit\'s default, elbv2.SslPolicy.RECOMMENDED_TLS) or another policy with a TLS 1.2 minimum.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
  resourceTypes: [LISTENER],
  onlyWith: ['SslPolicy'],
  check(listener): RuleIssue[] {
    const policy = toStr(listener.properties.SslPolicy);
    if (policy === undefined || !OLD_TLS.test(policy)) return [];
    return [{
      property: 'Properties/SslPolicy',
      value: policy,
      problem: `listener security policy ${policy} accepts TLS 1.0 or 1.1 clients`,
      allowed: 'a security policy with a TLS 1.2 minimum, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06',
      fix: 'Set sslPolicy to elbv2.SslPolicy.RECOMMENDED_TLS (ELBSecurityPolicy-TLS13-1-2-2021-06, the kit\'s default) or SslPolicy.TLS12.',
    }];
  },
};
