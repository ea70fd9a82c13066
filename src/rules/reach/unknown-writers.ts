/**
 * Where rules the templates do not spell out may come from. An ingress rule or a listener action whose target does not
 * resolve (a parameter, Fn::If, an import from outside the assembly), and a nested stack whose template is not in the
 * assembly, may write to a resource of their own stack, and to any resource whose id leaves its stack (an Output, or a
 * nested stack's Parameters); not to the resources another template keeps to itself. So one such template in a
 * `cdk-ecs-kit check` run silences the reach rules only for what it can touch.
 */
import { AssemblyModel, StackModel, TemplateResource } from '../model';

const NESTED_STACK = 'AWS::CloudFormation::Stack';

export class UnknownWriters {
  /** Writers of unknown target so far: the parents of the assembly's nested stacks whose templates are missing. */
  public static of(assembly: AssemblyModel): UnknownWriters {
    const writers = new UnknownWriters();
    for (const r of assembly.unloadedNestedStacks) writers.add(r.stack);
    return writers;
  }

  private readonly stacks = new Set<StackModel>();

  /** A stack that holds a writer whose target is unknown. */
  public add(stack: StackModel): void {
    this.stacks.add(stack);
  }

  /** Whether a writer of unknown target may write to `resource`. */
  public reach(resource: TemplateResource): boolean {
    if (this.stacks.size === 0) return false;
    if (this.stacks.has(resource.stack)) return true;
    return leavingIds(resource.stack).has(resource.logicalId);
  }
}

/** Logical ids a stack hands out: named in its Outputs or in the Parameters of its nested stacks (once per stack). */
function leavingIds(stack: StackModel): ReadonlySet<string> {
  const cache = stack.assembly.derived(leavingIds, () => new Map<StackModel, ReadonlySet<string>>());
  let ids = cache.get(stack);
  if (!ids) {
    const found = new Set<string>();
    collectReferences(stack.template.Outputs, found);
    for (const nested of stack.ofType(NESTED_STACK)) collectReferences(nested.properties.Parameters, found);
    cache.set(stack, ids = found);
  }
  return ids;
}

/** Adds the logical ids `value` names through Ref, Fn::GetAtt and Fn::Sub variables. */
export function collectReferences(value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, ids);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'Ref' && typeof v === 'string') {ids.add(v);} else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(v) ? v[0] : typeof v === 'string' ? v.split('.')[0] : undefined;
      if (typeof target === 'string') ids.add(target);
    } else if (key === 'Fn::Sub') {
      const text = Array.isArray(v) ? v[0] : v;
      if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}.][^}.]*)/g)) ids.add(m[1]);
    }
    collectReferences(v, ids);
  }
}
