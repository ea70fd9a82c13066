/**
 * The replacement guard (ECS-RP-01): compares a baseline assembly with a new
 * one and warns about every change that makes CloudFormation replace (delete
 * and create) an ECS service, cluster, capacity provider, cluster/provider
 * association or ECR repository. A replaced service drops its running tasks
 * and, with a fixed name, fails on the name conflict (aws-cdk #24907).
 *
 * Resources are matched by stack name + logical id. Create-only properties
 * come from the CloudFormation resource schemas (tables/create-only-properties.ts).
 * Values the templates cannot decide (parameters, Fn::If, ...) are skipped.
 */
import { formatMessage } from '../engine';
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { Finding, RuleMetadata, Severity } from '../rule';
import { CREATE_ONLY_PROPERTIES } from '../tables/create-only-properties';
import { isUnresolved, show } from '../values';
import { stringShape } from './string-shape';

export const REPLACEMENT_RULE_ID = 'ECS-RP-01';

/** What the guard checks, for docs/rules.md and SARIF rule descriptors (it is no rule of the catalogue: it needs two assemblies). */
export const REPLACEMENT_GUARD: Omit<RuleMetadata, 'area'> = {
  id: REPLACEMENT_RULE_ID,
  title: 'A change must not replace an ECS service, cluster, capacity provider or ECR repository',
  severity: Severity.WARNING,
  description: 'Runs only with `cdk-ecs-kit check --baseline OLD` (a cdk.out or template deployed before). Pairs resources by stack name '
    + 'and logical id and warns when a create-only property changes (from the CloudFormation resource schemas), when a guarded '
    + 'resource\'s logical id changes (a construct renamed or moved: delete and create), or when it moves to another stack of the '
    + 'app. Values the templates cannot decide are skipped.',
  deployError: 'CloudFormation replaces the resource (creates the new one, then deletes the old): a service\'s tasks are replaced by '
    + 'new ones, a new repository starts empty while its images stay in the old one, and a resource with a fixed name fails to '
    + 'create because the old one still holds the name (aws-cdk#24907).',
  fix: 'Keep the logical id (the construct id and path; in CDK, overrideLogicalId on the new resource) and create-only '
    + 'properties, or create the new resource beside the old one and move workloads before removing it.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html',
};

/** Resource types the guard watches, with the noun used in messages. */
export const GUARDED_TYPES: Readonly<Record<string, string>> = {
  'AWS::ECS::Service': 'ECS service',
  'AWS::ECS::Cluster': 'ECS cluster',
  'AWS::ECS::CapacityProvider': 'capacity provider',
  'AWS::ECS::ClusterCapacityProviderAssociations': 'cluster capacity provider associations',
  'AWS::ECR::Repository': 'ECR repository',
};

/** The property that holds a fixed physical name, per type: replacing a named resource fails. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::ECS::Service': 'ServiceName',
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::ECS::CapacityProvider': 'Name',
  'AWS::ECR::Repository': 'RepositoryName',
};

const UNDECIDABLE = Symbol('undecidable');
const NOT_SET = '(not set)';

/** Warnings for every change between `before` and `after` that replaces a stateful ECS/ECR resource. */
export function replacementFindings(before: AssemblyModel, after: AssemblyModel): Finding[] {
  const findings: Finding[] = [];
  /** Guarded resources present in both, and those of `after` that are replaced. */
  const kept: [TemplateResource, TemplateResource][] = [];
  const replaced = new Set<TemplateResource>();
  // Both ends of each move between stacks: reported as a move, never paired with other resources of either stack.
  const moves = crossStackMoves(before, after);
  for (const newStack of after.stacks) {
    const oldStack = before.stacks.find((s) => s.name === newStack.name);
    if (!oldStack) continue;
    for (const oldRes of oldStack.resources) {
      if (!GUARDED_TYPES[oldRes.type]) continue;
      const newRes = newStack.resource(oldRes.logicalId);
      if (!newRes || newRes.type !== oldRes.type) continue;
      kept.push([oldRes, newRes]);
      const changes = propertyChanges(oldRes, newRes);
      if (changes.length > 0) replaced.add(newRes);
      findings.push(...changes);
    }
    findings.push(...logicalIdChanges(oldStack, newStack, moves.ends));
  }
  findings.push(...moves.findings);
  // A create-only property that refers to a replaced resource gets a new value at deploy time: the referrer is replaced
  // too (a service of a cluster whose ClusterName changed), although its template text is the same.
  for (let grew = true; grew;) {
    grew = false;
    for (const [oldRes, newRes] of kept) {
      if (replaced.has(newRes)) continue;
      const cascade = referenceReplaced(oldRes, newRes, replaced);
      if (!cascade) continue;
      findings.push(cascade);
      replaced.add(newRes);
      grew = true;
    }
  }
  return findings;
}

/** The create-only properties of a type, conditional ones included; undefined for a type the table lacks. */
function createOnlyOf(type: string): readonly string[] | undefined {
  const spec = CREATE_ONLY_PROPERTIES[type];
  return spec ? [...spec.createOnly, ...spec.conditionalCreateOnly] : undefined;
}

/** "in-place updates; AWS::ECS::Service is replaced when any of Cluster, ... changes". */
function inPlaceOnly(type: string, props: readonly string[]): string {
  return `in-place updates; ${type} is replaced when any of ${props.join(', ')} changes`;
}

/** A warning when a create-only property, unchanged in the template, refers to a resource this change replaces. */
function referenceReplaced(oldRes: TemplateResource, newRes: TemplateResource, replaced: ReadonlySet<TemplateResource>): Finding | undefined {
  const props = createOnlyOf(newRes.type) ?? [];
  for (const prop of props) {
    const b = valueAt(newRes.properties, prop);
    if (b === undefined || compare(valueAt(oldRes.properties, prop), oldRes.stack, b, newRes.stack) !== 'same') continue;
    const target = referencedResources(b, newRes.stack).find((r) => replaced.has(r));
    if (!target) continue;
    // Through an export (aws-cdk-lib's cross-stack references): the exporting stack's deploy fails before anything is replaced.
    if (target.stack !== newRes.stack && JSON.stringify(b).includes('"Fn::ImportValue"')) {
      return finding(newRes, pointer(prop), b, {
        problem: `${prop} imports ${noun(target)} from stack ${target.stack.name}, which this change replaces: its export gets a new value, and `
          + `CloudFormation refuses to change an export that stack ${newRes.stack.name} imports, so the deploy of ${target.stack.name} fails `
          + `("Export ... cannot be updated as it is in use by ${newRes.stack.name}")`,
        allowed: `an export that keeps its value while ${newRes.stack.name} imports it`,
        fix: `Keep ${noun(target)} from being replaced (see its own ECS-RP-01 warning), or deploy in two steps: first move ${noun(newRes)} `
          + `off it (or keep the old export with stack.exportValue in ${target.stack.name}), then replace it`,
      });
    }
    return finding(newRes, pointer(prop), b, {
      problem: `${prop} refers to ${noun(target)}, which this change replaces, so CloudFormation replaces ${noun(newRes)} too (the reference gets a new value)`,
      allowed: inPlaceOnly(newRes.type, props),
      fix: `Keep ${noun(target)} from being replaced (see its own ECS-RP-01 warning), or move workloads to the new one first${nameConflict(oldRes, newRes)}`,
    });
  }
  return undefined;
}

/** The resources of the assembly a value refers to, anywhere inside it (as `canonical` reads references). */
function referencedResources(value: unknown, stack: StackModel): TemplateResource[] {
  const direct = stack.assembly.resolveResource(value, stack);
  if (direct) return [direct];
  if (Array.isArray(value)) return value.flatMap((v) => referencedResources(v, stack));
  if (value && typeof value === 'object' && !isUnresolved(value)) return Object.values(value).flatMap((v) => referencedResources(v, stack));
  return [];
}

function propertyChanges(oldRes: TemplateResource, newRes: TemplateResource): Finding[] {
  const props = createOnlyOf(newRes.type);
  if (!props) return [];
  if (newRes.type === 'AWS::ECS::Service') {
    const special = launchTypeToStrategy(oldRes, newRes);
    if (special) return [special];
  }
  const out: Finding[] = [];
  for (const prop of props) {
    // A nested path is covered when its parent changed and was reported.
    if (props.some((p) => prop.startsWith(`${p}.`) && out.some((f) => f.property === pointer(p)))) continue;
    const a = valueAt(oldRes.properties, prop);
    const b = valueAt(newRes.properties, prop);
    if (!changed(a, oldRes.stack, b, newRes.stack)) continue;
    out.push(finding(newRes, pointer(prop), b, {
      problem: `Changing ${prop} from ${display(a, oldRes.stack)} to ${display(b, newRes.stack)} replaces ${noun(newRes)}`,
      allowed: inPlaceOnly(newRes.type, props),
      fix: `${revertHint(prop)}${nameConflict(oldRes, newRes)}`,
    }));
  }
  return out;
}

/** aws-cdk #24907: moving between LaunchType and CapacityProviderStrategy. */
function launchTypeToStrategy(oldRes: TemplateResource, newRes: TemplateResource): Finding | undefined {
  const oldLt = oldRes.properties.LaunchType;
  const newLt = newRes.properties.LaunchType;
  const oldCps = oldRes.properties.CapacityProviderStrategy;
  const newCps = newRes.properties.CapacityProviderStrategy;
  const hasStrategy = (v: unknown) => Array.isArray(v) && v.length > 0;
  let from: string | undefined;
  let to: string | undefined;
  if (typeof oldLt === 'string' && newLt === undefined && hasStrategy(newCps)) {
    from = `LaunchType ${show(oldLt)}`;
    to = `CapacityProviderStrategy ${strategyText(newCps)}`;
  } else if (hasStrategy(oldCps) && typeof newLt === 'string' && !hasStrategy(newCps)) {
    from = `CapacityProviderStrategy ${strategyText(oldCps)}`;
    to = `LaunchType ${show(newLt)}`;
  }
  if (!from || !to) return undefined;
  return finding(newRes, pointer('LaunchType'), newLt ?? newCps, {
    problem: `Changing ${from} to ${to} replaces ${noun(newRes)} (aws-cdk #24907)`,
    allowed: 'keeping the service on the same kind of capacity selection (LaunchType, or a CapacityProviderStrategy whose providers may change in place)',
    fix: 'Keep the old capacity selection, or create a new service under a new construct id, shift traffic to it, then remove the old one'
      + nameConflict(oldRes, newRes),
  });
}

/** A guarded resource whose logical id changed: CloudFormation deletes the old one and creates the new one. */
function logicalIdChanges(oldStack: StackModel, newStack: StackModel, moved: ReadonlySet<TemplateResource>): Finding[] {
  const out: Finding[] = [];
  for (const type of Object.keys(GUARDED_TYPES)) {
    const removed = oldStack.ofType(type).filter((r) => !newStack.resource(r.logicalId));
    const added = newStack.ofType(type).filter((r) => !oldStack.resource(r.logicalId));
    const matched = new Set<TemplateResource>();
    for (const oldRes of removed) {
      // Same construct path; without path metadata, the only removed/added pair of this type.
      const match = oldRes.cdkPath
        ? added.find((r) => r.cdkPath === oldRes.cdkPath)
        : removed.length === 1 && added.length === 1 && !added[0].cdkPath ? added[0] : undefined;
      if (!match) continue;
      matched.add(oldRes).add(match);
      out.push(finding(match, '', match.logicalId, {
        problem: `Changing the logical id from ${oldRes.logicalId} to ${match.logicalId} replaces ${noun(match)} (CloudFormation deletes the old resource and creates a new one)`,
        allowed: 'the same logical id as in the baseline',
        // A template written by hand has no construct to keep: the logical id itself is what to keep.
        fix: (oldRes.cdkPath ? `Keep the construct id and its parents, or pin the id with overrideLogicalId('${oldRes.logicalId}')`
          : `Keep the logical id ${oldRes.logicalId}`) + nameConflict(oldRes, match),
      }));
    }
    const unpaired = (r: TemplateResource) => !matched.has(r) && !moved.has(r);
    out.push(...movedResources(removed.filter(unpaired), added.filter(unpaired)));
  }
  return out;
}

/**
 * A guarded resource deleted from one stack and created in another (same fixed name, or same construct path below the
 * stack): each stack deploys on its own, so the new one is created while the old one still runs, and the old one's
 * tasks or images go with its stack's next deploy. With a fixed name the create fails.
 */
function crossStackMoves(before: AssemblyModel, after: AssemblyModel): { findings: Finding[]; ends: Set<TemplateResource> } {
  const out: Finding[] = [];
  const ends = new Set<TemplateResource>();
  const stackIn = (assembly: AssemblyModel, name: string) => assembly.stacks.find((s) => s.name === name);
  for (const type of Object.keys(GUARDED_TYPES)) {
    // Between stacks both assemblies have: a stack only one of them has was renamed, or is not part of the comparison.
    const deleted = before.stacks.flatMap((s) => s.ofType(type)).filter((r) => {
      const now = stackIn(after, r.stack.name);
      return now !== undefined && !now.resource(r.logicalId);
    });
    if (deleted.length === 0) continue;
    const created = after.stacks.flatMap((s) => s.ofType(type)).filter((r) => {
      const then = stackIn(before, r.stack.name);
      return then !== undefined && !then.resource(r.logicalId);
    });
    for (const res of created) {
      const from = deleted.find((old) => old.stack.name !== res.stack.name && (sameFixedName(old, res) || samePathBelowStack(old, res)));
      if (!from) continue;
      ends.add(from).add(res);
      const nameProp = NAME_PROPERTY[type];
      const named = sameFixedName(from, res);
      out.push(finding(res, '', res.logicalId, {
        problem: `${noun(res)} moves from stack ${from.stack.name} (${from.logicalId}) to stack ${res.stack.name}: CloudFormation creates it with `
          + `${res.stack.name}'s deploy and deletes the old one with ${from.stack.name}'s, a replacement`
          + (named ? `, and with the fixed ${nameProp} ${display(res.properties[nameProp], res.stack)} the create fails while the old one exists` : ''),
        allowed: 'a resource kept in the stack it was deployed from',
        fix: `Keep it in stack ${from.stack.name}; or move it in two deploys: remove it from ${from.stack.name} and deploy that stack, then add it `
          + `to ${res.stack.name} (tasks stop in between), or create the new one ${named ? 'under another name ' : ''}beside the old, shift traffic, then remove the old.`,
      }));
    }
  }
  return { findings: out, ends };
}

/** Both resources carry the same literal physical name (ServiceName, ClusterName, ...). */
function sameFixedName(a: TemplateResource, b: TemplateResource): boolean {
  const prop = NAME_PROPERTY[a.type];
  const name = prop ? a.properties[prop] : undefined;
  return typeof name === 'string' && !isUnresolved(name) && name === b.properties[prop];
}

/** Both have the same construct path below their stack (TeamA/Worker/Service → TeamB/Worker/Service). */
function samePathBelowStack(a: TemplateResource, b: TemplateResource): boolean {
  const below = (r: TemplateResource) => r.cdkPath?.split('/').slice(1).join('/');
  const pa = below(a);
  return pa !== undefined && pa.length > 0 && pa === below(b);
}

/**
 * Resources of a type deleted from a stack while others of it are created there under other construct paths: a
 * migration (ecs-patterns to kit constructs, a renamed parent) that replaces them, which the path match cannot pair.
 */
function movedResources(deleted: readonly TemplateResource[], created: readonly TemplateResource[]): Finding[] {
  if (deleted.length === 0 || created.length === 0) return [];
  const olds = deleted.map((r) => `${r.logicalId}${r.cdkPath ? ` (${r.path})` : ''}`).join(', ');
  return created.map((res) => finding(res, '', res.logicalId, {
    problem: `${noun(res)} is created while the baseline's ${GUARDED_TYPES[res.type]}${deleted.length > 1 ? 's' : ''} ${olds} `
      + `${deleted.length > 1 ? 'are' : 'is'} deleted from stack ${res.stack.name}: if it takes over, that is a replacement (CloudFormation deletes the `
      + 'old resource, with its running tasks or images, and creates the new one)',
    allowed: 'the logical id of the resource it takes over from',
    fix: (res.cdkPath ? `Pin the old id with overrideLogicalId('${deleted[0].logicalId}') on the new resource's CloudFormation resource`
      : `Give the new resource the old logical id ${deleted[0].logicalId}`) + ', or move workloads to the new one before deleting the old in a later deploy',
  }));
}

function finding(res: TemplateResource, property: string, value: unknown, issue: { problem: string; allowed: string; fix: string }): Finding {
  return {
    ruleId: REPLACEMENT_RULE_ID,
    severity: Severity.WARNING,
    stack: res.stack.name,
    logicalId: res.logicalId,
    path: res.path,
    property,
    value: value === undefined ? NOT_SET : show(value),
    message: formatMessage(REPLACEMENT_RULE_ID, res.path, issue),
    fix: issue.fix,
  };
}

function noun(res: TemplateResource): string {
  return `${GUARDED_TYPES[res.type] ?? res.type} ${res.logicalId}`;
}

function pointer(dotted: string): string {
  return `Properties/${dotted.split('.').join('/')}`;
}

function revertHint(prop: string): string {
  return `Keep ${prop} as in the baseline, or create the new resource under a new construct id and move workloads before removing the old one`;
}

/**
 * CloudFormation creates the replacement before deleting the old resource: it fails only when both
 * carry the same fixed name. A name that is new, changed or undecidable says nothing.
 */
function nameConflict(oldRes: TemplateResource, newRes: TemplateResource): string {
  const nameProp = NAME_PROPERTY[newRes.type];
  if (!nameProp) return '.';
  const oldName = oldRes.properties[nameProp];
  const newName = newRes.properties[nameProp];
  if (oldName === undefined || newName === undefined || compare(oldName, oldRes.stack, newName, newRes.stack) !== 'same') return '.';
  return `. With the fixed ${nameProp} ${display(newName, newRes.stack)} kept, the replacement fails on a name conflict: change the name with it`;
}

function valueAt(props: Record<string, unknown>, dotted: string): unknown {
  let cur: unknown = props;
  for (const key of dotted.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** True only when the two values are known to differ. */
function changed(a: unknown, aStack: StackModel, b: unknown, bStack: StackModel): boolean {
  return JSON.stringify(a) !== JSON.stringify(b) && compare(a, aStack, b, bStack) === 'different';
}

/** Two values as deployed: the same, different, or not decidable from the templates. */
function compare(a: unknown, aStack: StackModel, b: unknown, bStack: StackModel): 'same' | 'different' | 'unknown' {
  const ca = canonical(a, aStack);
  const cb = canonical(b, bStack);
  if (ca === UNDECIDABLE || cb === UNDECIDABLE) {
    // Strings built around the same undecided parts (a parameter, an import) differ when their literal text does;
    // with the same text they are the same only if the parameters keep their values, which the templates do not say.
    const sa = stringShape(a, aStack);
    const sb = stringShape(b, bStack);
    if (!sa || !sb || sa.holes.length === 0 || sa.holes.join('\u0001') !== sb.holes.join('\u0001')) return 'unknown';
    return sa.text === sb.text ? 'unknown' : 'different';
  }
  return JSON.stringify(ca) === JSON.stringify(cb) ? 'same' : 'different';
}

/** Literals stay, references become `{ ref: stack/id.attr }`; anything else is undecidable. */
function canonical(v: unknown, stack: StackModel, depth = 0): unknown {
  if (depth > 20) return UNDECIDABLE;
  if (v === undefined || v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return isUnresolved(v) ? UNDECIDABLE : v;
  if (isUnresolved(v)) {
    const s = stack.assembly.resolveString(v, stack);
    if (s !== undefined) return s;
    const ref = stack.assembly.resolveReference(v, stack);
    return ref ? { ref: `${ref.resource.stack.name}/${ref.resource.logicalId}${ref.attribute ? `.${ref.attribute}` : ''}` } : UNDECIDABLE;
  }
  const items = Array.isArray(v) ? v.map((x) => canonical(x, stack, depth + 1))
    : Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k], stack, depth + 1)]);
  if (hasUndecidable(items)) return UNDECIDABLE;
  return items;
}

function hasUndecidable(v: unknown): boolean {
  if (v === UNDECIDABLE) return true;
  return Array.isArray(v) && v.some(hasUndecidable);
}

function display(v: unknown, stack: StackModel): string {
  if (v === undefined) return NOT_SET;
  const c = canonical(v, stack);
  if (c && typeof c === 'object' && !Array.isArray(c) && 'ref' in c) return `a reference to ${(c as { ref: string }).ref}`;
  return show(v);
}

function strategyText(v: unknown): string {
  if (!Array.isArray(v)) return show(v);
  return `[${v.map((i) => {
    const item = (i ?? {}) as Record<string, unknown>;
    const p = item.CapacityProvider;
    const name = typeof p === 'string' ? p : show(p);
    return `${name} weight ${item.Weight ?? 0}${item.Base ? ` base ${item.Base}` : ''}`;
  }).join(', ')}]`;
}
