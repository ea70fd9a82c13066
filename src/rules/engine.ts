/**
 * Runs rules over an assembly and turns their issues into findings with
 * uniform, complete messages.
 */
import { AssemblyModel, TemplateResource } from './model';
import { AssemblyRule, Finding, isAssemblyRule, ResourceRule, Rule, RuleIssue, Severity } from './rule';
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

/** Rules to run, split by kind, resource rules indexed by resource type. */
interface RulePlan {
  /** Length of the list when planned: a list grown or shrunk since is planned again. */
  readonly count: number;
  readonly byType: ReadonlyMap<string, readonly ResourceRule[]>;
  readonly assemblyRules: readonly AssemblyRule[];
}

/** Plans per rule list and options, built once: a synth or the CLI runs the same list again and again. */
const plans = new WeakMap<readonly Rule[], Map<string, RulePlan>>();

function planFor(options: EngineOptions): RulePlan {
  const skipOverlaps = options.skipBuiltInOverlaps ?? false;
  const key = `${skipOverlaps}|${(options.disabled ?? []).join('\u0000')}`;
  let byOptions = plans.get(options.rules);
  const cached = byOptions?.get(key);
  if (cached && cached.count === options.rules.length) return cached;
  const disabled = new Set(options.disabled ?? []);
  const byType = new Map<string, ResourceRule[]>();
  const assemblyRules: AssemblyRule[] = [];
  for (const rule of options.rules) {
    if (disabled.has(rule.id) || (skipOverlaps && (rule.builtInOverlap?.length ?? 0) > 0)) continue;
    if (isAssemblyRule(rule)) {
      assemblyRules.push(rule);
      continue;
    }
    for (const t of rule.resourceTypes) {
      const list = byType.get(t);
      if (list) list.push(rule);
      else byType.set(t, [rule]);
    }
  }
  const plan = { count: options.rules.length, byType, assemblyRules };
  if (!byOptions) plans.set(options.rules, byOptions = new Map());
  byOptions.set(key, plan);
  return plan;
}

let defaultQuotas: QuotaProfile | undefined;

export function runRules(assembly: AssemblyModel, options: EngineOptions): Finding[] {
  const quotas = options.quotas ?? (defaultQuotas ??= QuotaProfile.current());
  const findings: Finding[] = [];
  const skipOverlaps = options.skipBuiltInOverlaps ?? false;
  const { byType, assemblyRules } = planFor(options);

  // Indexed loops: in a synth this runs once, mostly interpreted, where for-of
  // builds an iterator per list (thousands of empty issue lists).
  for (const stack of assembly.stacks) {
    const context = { assembly, stack, quotas };
    const resources = stack.resources;
    for (let r = 0; r < resources.length; r++) {
      const resource = resources[r];
      const rules = byType.get(resource.type);
      if (rules === undefined) continue;
      for (let k = 0; k < rules.length; k++) {
        const rule = rules[k];
        const issues = rule.check(resource, context);
        for (let i = 0; i < issues.length; i++) {
          const issue = issues[i];
          if (skipOverlaps && issue.builtInOverlap) continue;
          findings.push(toFinding(rule, issue.resource ?? resource, issue, options));
        }
      }
    }
  }
  for (const rule of assemblyRules) {
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
