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

/** A resource rule with its `onlyWith` paths as path ids (indexes into the engine's `present` flags). */
interface PlannedRule {
  readonly rule: ResourceRule;
  readonly gate?: readonly number[];
}

/** The `onlyWith` paths of a resource type's rules as a tree: one walk of a resource marks every path present. */
interface PathNode {
  /** Ids of the paths that end here. */
  readonly ends: number[];
  /** The next segment after `*`: any item of a list. */
  star?: PathNode;
  keys?: Map<string, PathNode>;
}

/** The rules of one resource type. */
interface TypePlan {
  readonly rules: PlannedRule[];
  /** Their `onlyWith` paths; undefined when none has any. */
  paths?: PathNode;
}

/** Rules to run, split by kind, resource rules indexed by resource type. */
interface RulePlan {
  /** Length of the list when planned: a list grown or shrunk since is planned again. */
  readonly count: number;
  readonly byType: ReadonlyMap<string, TypePlan>;
  /** Number of distinct `onlyWith` paths. */
  readonly pathCount: number;
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
  const byType = new Map<string, TypePlan>();
  const pathIds = new Map<string, number>();
  const assemblyRules: AssemblyRule[] = [];
  const pathId = (p: string) => pathIds.get(p) ?? pathIds.set(p, pathIds.size).size - 1;
  for (const rule of options.rules) {
    if (disabled.has(rule.id) || (skipOverlaps && (rule.builtInOverlap?.length ?? 0) > 0)) continue;
    if (isAssemblyRule(rule)) {
      assemblyRules.push(rule);
      continue;
    }
    const planned: PlannedRule = { rule, gate: rule.onlyWith?.map(pathId) };
    for (const t of rule.resourceTypes) {
      let type = byType.get(t);
      if (!type) byType.set(t, type = { rules: [] });
      type.rules.push(planned);
      for (const p of rule.onlyWith ?? []) addPath(type.paths ??= { ends: [] }, p.split('/'), pathId(p));
    }
  }
  const plan = { count: options.rules.length, byType, pathCount: pathIds.size, assemblyRules };
  if (!byOptions) plans.set(options.rules, byOptions = new Map());
  byOptions.set(key, plan);
  return plan;
}

let defaultQuotas: QuotaProfile | undefined;

export function runRules(assembly: AssemblyModel, options: EngineOptions): Finding[] {
  const quotas = options.quotas ?? (defaultQuotas ??= QuotaProfile.current());
  const findings: Finding[] = [];
  const skipOverlaps = options.skipBuiltInOverlaps ?? false;
  // The built-in validator does not read nested stack templates: the overlapping rules run there.
  const someUnvalidated = skipOverlaps && assembly.stacks.some((s) => !s.builtInValidated);
  const { byType, pathCount, assemblyRules } = planFor(someUnvalidated ? { ...options, skipBuiltInOverlaps: false } : options);
  // Per resource: 1 where an `onlyWith` path holds a value.
  const present = new Uint8Array(pathCount);

  // Indexed loops: in a synth this runs once, mostly interpreted, where for-of
  // builds an iterator per list (thousands of empty issue lists).
  for (const stack of assembly.stacks) {
    const context = { assembly, stack, quotas };
    const skipHere = skipOverlaps && stack.builtInValidated;
    const resources = stack.resources;
    for (let r = 0; r < resources.length; r++) {
      const resource = resources[r];
      const type = byType.get(resource.type);
      if (type === undefined) continue;
      if (type.paths !== undefined) {
        present.fill(0);
        markPresent(resource.properties, type.paths, present);
      }
      const rules = type.rules;
      for (let k = 0; k < rules.length; k++) {
        const gate = rules[k].gate;
        // Most rules look at properties most resources lack: not calling them saves running and compiling them.
        if (gate !== undefined) {
          let g = 0;
          while (g < gate.length && present[gate[g]] === 0) g++;
          if (g === gate.length) continue;
        }
        const rule = rules[k].rule;
        if (skipHere && someUnvalidated && rule.builtInOverlap !== undefined && rule.builtInOverlap.length > 0) continue;
        const issues = rule.check(resource, context);
        for (let i = 0; i < issues.length; i++) {
          const issue = issues[i];
          if (skipHere && issue.builtInOverlap) continue;
          findings.push(toFinding(rule, issue.resource ?? resource, issue, options));
        }
      }
    }
  }
  for (const rule of assemblyRules) {
    const ruleOverlaps = rule.builtInOverlap !== undefined && rule.builtInOverlap.length > 0;
    for (const issue of rule.checkAssembly(assembly, quotas)) {
      if (!issue.resource) throw new Error(`Rule ${rule.id} reported an issue without a resource`);
      if (skipOverlaps && (issue.builtInOverlap || ruleOverlaps) && issue.resource.stack.builtInValidated) continue;
      findings.push(toFinding(rule, issue.resource, issue, options));
    }
  }
  return findings;
}

/** Whether the rule's `onlyWith` paths let the engine run it on a resource with these properties. */
export function gateOpen(rule: ResourceRule, properties: Record<string, unknown>): boolean {
  if (rule.onlyWith === undefined) return true;
  const root: PathNode = { ends: [] };
  rule.onlyWith.forEach((p, id) => addPath(root, p.split('/'), id));
  const present = new Uint8Array(rule.onlyWith.length);
  markPresent(properties, root, present);
  return present.includes(1);
}

function addPath(root: PathNode, segments: readonly string[], id: number): void {
  let node = root;
  for (const segment of segments) {
    if (segment === '*') {
      node = node.star ??= { ends: [] };
      continue;
    }
    const keys = node.keys ??= new Map();
    let next = keys.get(segment);
    if (!next) keys.set(segment, next = { ends: [] });
    node = next;
  }
  node.ends.push(id);
}

/**
 * Mark the paths below `node` that hold a value in `value` (not undefined; `*` needs a list): one walk
 * over the keys the resource has, however many rules and paths its type has.
 */
function markPresent(value: unknown, node: PathNode, present: Uint8Array): void {
  const ends = node.ends;
  for (let i = 0; i < ends.length; i++) present[ends[i]] = 1;
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const star = node.star;
    if (star === undefined) return;
    for (let i = 0; i < value.length; i++) {
      if (value[i] !== undefined) markPresent(value[i], star, present);
    }
    return;
  }
  const keys = node.keys;
  if (keys === undefined) return;
  for (const key in value) {
    const next = keys.get(key);
    const v = (value as Record<string, unknown>)[key];
    if (next !== undefined && v !== undefined) markPresent(v, next, present);
  }
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
