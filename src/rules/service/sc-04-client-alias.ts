import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toNumber, toObject, toStr } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

const MAX = 127;

/** Why a client alias dnsName is invalid, or undefined. */
export function dnsNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX) return `is ${name.length} characters long`;
  if (name.startsWith('-')) return 'starts with a hyphen';
  const bad = [...new Set(name.replace(/[a-z0-9_.-]/g, ''))];
  return bad.length ? `contains ${bad.map((c) => JSON.stringify(c)).join(', ')}` : undefined;
}

/**
 * A valid dnsName close to `name`: lowercased, other characters replaced by hyphens, at most 127
 * characters, without leading or trailing hyphens and periods. Undefined when nothing valid remains.
 */
export function suggestDnsName(name: string): string | undefined {
  const trim = (s: string) => s.replace(/^[-.]+|[-.]+$/g, '');
  const cleaned = trim(trim(name.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-')).slice(0, MAX));
  return cleaned.length > 0 && dnsNameProblem(cleaned) === undefined ? cleaned : undefined;
}

export const SC04_CLIENT_ALIAS: ResourceRule = {
  id: 'ECS-SC-04',
  title: 'Service Connect client alias: dnsName format and port 0-65535',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ClientAliases of enabled Service Connect services: DnsName up to 127 lowercase letters, digits, underscores, hyphens and periods, not starting with a hyphen; Port within 0-65535 (aws-cdk-lib checks the port only on the L2 path).',
  deployError: 'CreateService fails: invalid Service Connect client alias.',
  fix: 'Use a lowercase DNS-style alias such as "orders.internal" and a port between 1 and 65535.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const sc of serviceConnectServices(service)) {
      (toArray(sc.def.ClientAliases) ?? []).forEach((raw, j) => {
        const alias = toObject(raw);
        if (!alias) return;
        const pointer = `${sc.pointer}/ClientAliases/${j}`;
        const dns = toStr(alias.DnsName);
        const problem = dns === undefined ? undefined : dnsNameProblem(dns);
        if (dns !== undefined && problem) {
          const suggestion = suggestDnsName(dns);
          issues.push({
            property: `${pointer}/DnsName`,
            value: alias.DnsName,
            problem: `Service Connect client alias DnsName ${JSON.stringify(dns)} ${problem}`,
            allowed: `up to ${MAX} lowercase letters, digits, underscores (_), hyphens (-) and periods (.), not starting with a hyphen`,
            fix: suggestion ? `Use ${JSON.stringify(suggestion)} as the alias.` : 'Use a lowercase DNS-style alias such as "orders.internal".',
          });
        }
        const port = toNumber(alias.Port);
        if (port !== undefined && (port < 0 || port > 65535 || !Number.isInteger(port))) {
          issues.push({
            property: `${pointer}/Port`,
            value: alias.Port,
            problem: `Service Connect client alias Port ${port} is not a valid port`,
            allowed: '0 to 65535',
            fix: 'Use the port clients already connect to, between 1 and 65535.',
          });
        }
      });
    }
    return issues;
  },
};
