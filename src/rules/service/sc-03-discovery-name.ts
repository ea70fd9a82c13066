import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

const MAX = 64;

/** Why a discoveryName is invalid, or undefined. */
export function discoveryNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX) return `is ${name.length} characters long`;
  if (name.startsWith('-')) return 'starts with a hyphen';
  const bad = [...new Set(name.replace(/[a-z0-9_-]/g, ''))];
  return bad.length ? `contains ${bad.map((c) => JSON.stringify(c)).join(', ')}` : undefined;
}

/**
 * A valid discoveryName close to `name`: lowercased, other characters replaced by hyphens, at most 64
 * characters, without leading or trailing hyphens. Undefined when nothing valid remains.
 */
export function suggestDiscoveryName(name: string): string | undefined {
  const trim = (s: string) => s.replace(/^-+|-+$/g, '');
  const cleaned = trim(trim(name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')).slice(0, MAX));
  return cleaned.length > 0 && discoveryNameProblem(cleaned) === undefined ? cleaned : undefined;
}

export const SC03_DISCOVERY_NAME: ResourceRule = {
  id: 'ECS-SC-03',
  title: 'Service Connect discoveryName: up to 64 lowercase letters, digits, _ and -',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks literal DiscoveryName values of enabled Service Connect services: at most 64 characters of lowercase letters, digits, underscores and hyphens, not starting with a hyphen. aws-cdk-lib only checks uniqueness within the service.',
  deployError: 'CreateService fails: the discoveryName is not a valid Cloud Map service name.',
  fix: 'Use a short lowercase discoveryName such as "api" or "orders_db".',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const sc of serviceConnectServices(service)) {
      const name = toStr(sc.def.DiscoveryName);
      if (name === undefined) continue;
      const problem = discoveryNameProblem(name);
      if (!problem) continue;
      const suggestion = suggestDiscoveryName(name);
      issues.push({
        property: `${sc.pointer}/DiscoveryName`,
        value: sc.def.DiscoveryName,
        problem: `Service Connect DiscoveryName ${JSON.stringify(name)} ${problem}`,
        allowed: `up to ${MAX} lowercase letters, digits, underscores (_) and hyphens (-), not starting with a hyphen`,
        fix: suggestion ? `Use ${JSON.stringify(suggestion)} as the discovery name.` : 'Use a short lowercase discoveryName such as "api" or "orders_db".',
      });
    }
    return issues;
  },
};
