/**
 * Runs rules over an assembly and turns their issues into findings with
 * uniform, complete messages.
 */
import { AssemblyModel, TemplateResource } from './model';
import { Finding, isAssemblyRule, ResourceRule, Rule, RuleIssue, Severity } from './rule';
import { show } from './values';
import { QuotaProfile } from '../quotas/quota-profile';

export interface EngineOptions {
  readonly rules: readonly Rule[];
  /** @default QuotaProfile.current() */
  readonly quotas?: QuotaProfile;
  /** Rule ids not to run. */
  readonly disabled?: readonly string[];
  /** Severity per rule id, replacing the rule's default. */
  readonly severityOverrides?: Readonly<Record<string, Severity>>;
  /**
   * Leave to aws-cdk-lib's built-in CloudFormation validator what it
   * reports itself (rules and issues marked builtInOverlap).
   */
  readonly skipBuiltInOverlaps?: boolean;
}

/** Format the one-line message every finding carries. */
export function formatMessage(ruleId: string, path: string, issue: Pick<RuleIssue, 'problem' | 'allowed' | 'fix'>): string {
  const fix = issue.fix.trim();
  return `[${ruleId}] ${issue.problem} at ${path}; allowed: ${issue.allowed}. ${fix}${/[.!?]$/.test(fix) ? '' : '.'}`;
}

export function runRules(assembly: AssemblyModel, options: EngineOptions): Finding[] {
  const quotas = options.quotas ?? QuotaProfile.current();
  const disabled = new Set(options.disabled ?? []);
  const findings: Finding[] = [];
  const skipOverlaps = options.skipBuiltInOverlaps ?? false;
  const rules = options.rules.filter((r) => !disabled.has(r.id) && !(skipOverlaps && (r.builtInOverlap?.length ?? 0) > 0));

  // Index resource rules by type once: one pass over the resources.
  const byType = new Map<string, ResourceRule[]>();
  for (const rule of rules) {
    if (isAssemblyRule(rule)) continue;
    for (const t of rule.resourceTypes) {
      const list = byType.get(t) ?? [];
      list.push(rule);
      byType.set(t, list);
    }
  }

  for (const stack of assembly.stacks) {
    const context = { assembly, stack, quotas };
    for (const resource of stack.resources) {
      for (const rule of byType.get(resource.type) ?? []) {
        for (const issue of rule.check(resource, context)) {
          if (skipOverlaps && issue.builtInOverlap) continue;
          findings.push(toFinding(rule, issue.resource ?? resource, issue, options));
        }
      }
    }
  }
  for (const rule of rules) {
    if (!isAssemblyRule(rule)) continue;
    for (const issue of rule.checkAssembly(assembly, quotas)) {
      if (skipOverlaps && issue.builtInOverlap) continue;
      if (!issue.resource) throw new Error(`Rule ${rule.id} reported an issue without a resource`);
      findings.push(toFinding(rule, issue.resource, issue, options));
    }
  }
  return findings;
}

function toFinding(rule: Rule, resource: TemplateResource, issue: RuleIssue, options: EngineOptions): Finding {
  const severity = options.severityOverrides?.[rule.id] ?? rule.severity;
  return {
    ruleId: rule.id,
    severity,
    stack: resource.stack.name,
    logicalId: resource.logicalId,
    path: resource.path,
    property: issue.property,
    value: show(issue.value),
    message: formatMessage(rule.id, resource.path, issue),
    fix: issue.fix,
  };
}
