/**
 * A read-only view of synthesized CloudFormation: the stacks of one assembly,
 * their resources, and resolution of Ref / Fn::GetAtt / Fn::ImportValue within
 * a stack and across the assembly's stacks.
 */
import { CfnResourceJson, CfnTemplate, StackEnvironment, StackInput } from './stack-input';
import { withMappings } from './template-mappings';
import { intrinsicKey, isUnresolved, toObject } from './values';

// Loaders and rules import these from the model, as before the split.
export * from './stack-input';

/** One resource of a stack, as rules see it. */
export interface TemplateResource {
  readonly stack: StackModel;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Record<string, unknown>;
  /** Construct path without the trailing /Resource, or `Stack/LogicalId` when unknown. */
  readonly path: string;
  /** The raw aws:cdk:path metadata (ending in /Resource), when present. */
  readonly cdkPath?: string;
  readonly json: CfnResourceJson;
}

/** The resource that creates a nested stack. */
const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** A resolved reference to a resource (Ref) or one of its attributes (Fn::GetAtt). */
export interface ResourceReference {
  readonly resource: TemplateResource;
  /** undefined for Ref, the attribute name for Fn::GetAtt. */
  readonly attribute?: string;
}

export class StackModel {
  public readonly name: string;
  public readonly template: CfnTemplate;
  public readonly environment: StackEnvironment;
  /** Tags CloudFormation applies to the stack's taggable resources (StackInput.stackTags). */
  public readonly stackTags: { readonly [key: string]: string };
  public readonly file?: string;
  public readonly templateSize: number;
  public readonly stackName?: string;
  public readonly builtInValidated: boolean;
  public readonly nestedIn?: { readonly parent: string; readonly logicalId: string };
  public readonly resources: readonly TemplateResource[];
  private readonly byId = new Map<string, TemplateResource>();
  private readonly byType = new Map<string, TemplateResource[]>();

  constructor(input: StackInput, public readonly assembly: AssemblyModel) {
    this.name = input.name;
    this.template = input.template;
    this.environment = input.environment ?? {};
    this.stackTags = input.stackTags ?? {};
    this.file = input.file;
    this.stackName = input.stackName;
    this.builtInValidated = input.builtInValidated ?? true;
    this.nestedIn = input.nestedIn;
    this.templateSize = input.templateSize ?? Buffer.byteLength(JSON.stringify(input.template));
    const list: TemplateResource[] = [];
    const all = input.template.Resources ?? {};
    const mappings = toObject(input.template.Mappings);
    // for-in, not Object.entries: no pair arrays for every resource.
    for (const logicalId in all) {
      if (!Object.prototype.hasOwnProperty.call(all, logicalId)) continue;
      const json = all[logicalId];
      if (!json || typeof json !== 'object' || typeof json.Type !== 'string') continue;
      const raw = json.Properties && typeof json.Properties === 'object' ? json.Properties : {};
      // Raw templates size tasks through Mappings; CDK templates seldom have any (then nothing is copied).
      const props = mappings ? withMappings(raw, mappings) as Record<string, unknown> : raw;
      const res = new Resource(this, logicalId, json, props, input.constructPathOf);
      list.push(res);
      this.byId.set(logicalId, res);
      const bucket = this.byType.get(json.Type);
      if (bucket) bucket.push(res);
      else this.byType.set(json.Type, [res]);
    }
    this.resources = list;
  }

  public resource(logicalId: string): TemplateResource | undefined {
    return this.byId.get(logicalId);
  }

  public ofType(type: string): readonly TemplateResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Account of the stack when it is a literal account id, or undefined (env-agnostic, or a token). */
  public get account(): string | undefined {
    const a = this.environment.account;
    return a && /^\d{12}$/.test(a) && !isUnresolved(a) ? a : undefined;
  }

  /** Region of the stack, or undefined when env-agnostic. */
  public get region(): string | undefined {
    const r = this.environment.region;
    return r && r !== 'unknown-region' && !isUnresolved(r) ? r : undefined;
  }
}

function unloadedNestedStacks(assembly: AssemblyModel): readonly TemplateResource[] {
  const loaded = new Set(assembly.stacks.filter((s) => s.nestedIn).map((s) => `${s.nestedIn!.parent}\0${s.nestedIn!.logicalId}`));
  return assembly.ofType(NESTED_STACK).filter((r) => !loaded.has(`${r.stack.name}\0${r.logicalId}`));
}

export class AssemblyModel {
  public readonly stacks: readonly StackModel[];
  private exportsCache?: Map<string, { stack: StackModel; value: unknown }>;
  private readonly derivedValues = new Map<unknown, unknown>();
  private readonly typeCache = new Map<string, readonly TemplateResource[]>();

  constructor(stacks: readonly StackInput[]) {
    this.stacks = stacks.map((s) => new StackModel(s, this));
  }

  /**
   * A value derived from the whole assembly (an index, usage figures), built
   * by `build` on first use and kept for the life of the model. `key` is the
   * builder's identity, usually the function itself.
   */
  public derived<T>(key: object, build: (assembly: AssemblyModel) => T): T {
    const seen = this.derivedValues.get(key);
    if (seen !== undefined || this.derivedValues.has(key)) return seen as T;
    const value = build(this);
    this.derivedValues.set(key, value);
    return value;
  }

  /** The nested stack resources (AWS::CloudFormation::Stack) of the assembly whose templates are not in it. */
  public get unloadedNestedStacks(): readonly TemplateResource[] {
    return this.derived(unloadedNestedStacks, unloadedNestedStacks);
  }

  /** Every resource of the given type across all stacks (one shared array per type: do not change it). */
  public ofType(type: string): readonly TemplateResource[] {
    let list = this.typeCache.get(type);
    if (!list) {
      if (this.stacks.length === 1) {
        list = this.stacks[0].ofType(type);
      } else {
        const all: TemplateResource[] = [];
        for (const s of this.stacks) for (const r of s.ofType(type)) all.push(r);
        list = all;
      }
      this.typeCache.set(type, list);
    }
    return list;
  }

  /**
   * Resolve a value to a literal string when it can be decided from the
   * templates alone: literals, Fn::Join / Fn::Sub of literals,
   * Fn::ImportValue of another stack's export, and Fn::GetStackOutput of
   * another stack's output (aws-cdk-lib's weak cross-stack references). Otherwise undefined.
   */
  public resolveString(value: unknown, stack: StackModel, depth = 0): string | undefined {
    if (depth > 10) return undefined;
    if (typeof value === 'string') return isUnresolved(value) ? undefined : value;
    if (typeof value === 'number') return isUnresolved(value) ? undefined : String(value);
    const fn = intrinsicName(value);
    if (fn === undefined) return undefined;
    const arg = (value as Record<string, unknown>)[fn];
    if (fn === 'Fn::Join' && Array.isArray(arg) && arg.length === 2 && Array.isArray(arg[1])) {
      const sep = this.resolveString(arg[0], stack, depth + 1);
      const list = arg[1] as unknown[];
      const parts: string[] = [];
      let failed = false;
      // Every part is resolved (as before), even after one fails.
      for (const p of list) {
        const r = this.resolveString(p, stack, depth + 1);
        if (r === undefined) failed = true;
        else parts.push(r);
      }
      if (sep === undefined || failed) return undefined;
      return parts.join(sep);
    }
    if (fn === 'Ref' || fn === 'Fn::GetAtt') {
      const passed = this.acrossNesting(fn, arg, stack);
      return passed ? this.resolveString(passed.value, passed.stack, depth + 1) : undefined;
    }
    if (fn === 'Fn::Sub' && typeof arg === 'string' && !arg.includes('${')) return arg;
    if (fn === 'Fn::ImportValue' || fn === 'Fn::GetStackOutput') {
      const exp = fn === 'Fn::ImportValue' ? this.findExport(arg, stack, depth + 1) : this.findStackOutput(arg, stack, depth + 1);
      return exp ? this.resolveString(exp.value, exp.stack, depth + 1) : undefined;
    }
    return undefined;
  }

  /** Follow Ref / Fn::GetAtt / Fn::ImportValue / Fn::GetStackOutput to the resource they point at. */
  public resolveReference(value: unknown, stack: StackModel, depth = 0): ResourceReference | undefined {
    if (depth > 10) return undefined;
    const fn = intrinsicName(value);
    if (fn === undefined) return undefined;
    const arg = (value as Record<string, unknown>)[fn];
    if (fn === 'Ref') {
      const res = typeof arg === 'string' ? stack.resource(arg) : undefined;
      if (res) return { resource: res };
    }
    if (fn === 'Fn::GetAtt') {
      const [id, attr] = getAttParts(arg);
      const res = typeof id === 'string' ? stack.resource(id) : undefined;
      if (res && typeof attr === 'string' && !(res.type === NESTED_STACK && attr.startsWith('Outputs.'))) return { resource: res, attribute: attr };
    }
    if (fn === 'Ref' || fn === 'Fn::GetAtt') {
      const passed = this.acrossNesting(fn, arg, stack);
      return passed ? this.resolveReference(passed.value, passed.stack, depth + 1) : undefined;
    }
    if (fn === 'Fn::ImportValue' || fn === 'Fn::GetStackOutput') {
      const exp = fn === 'Fn::ImportValue' ? this.findExport(arg, stack, depth + 1) : this.findStackOutput(arg, stack, depth + 1);
      return exp ? this.resolveReference(exp.value, exp.stack, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The resource a value refers to, if any. */
  public resolveResource(value: unknown, stack: StackModel): TemplateResource | undefined {
    return this.resolveReference(value, stack)?.resource;
  }

  /**
   * What crosses a nesting boundary: a `Ref` to a parameter of a nested stack is the value its parent's
   * AWS::CloudFormation::Stack resource passes; an `Fn::GetAtt [StackResource, Outputs.Name]` in a parent is
   * that output of the nested stack. This is how aws-cdk-lib passes references into and out of a NestedStack.
   */
  private acrossNesting(fn: string, arg: unknown, stack: StackModel): { stack: StackModel; value: unknown } | undefined {
    if (fn === 'Ref') {
      const nestedIn = stack.nestedIn;
      if (typeof arg !== 'string' || !nestedIn || stack.template.Parameters?.[arg] === undefined) return undefined;
      const parent = this.stacks.find((s) => s.name === nestedIn.parent);
      const passed = toObject(parent?.resource(nestedIn.logicalId)?.properties.Parameters);
      return parent && passed && passed[arg] !== undefined ? { stack: parent, value: passed[arg] } : undefined;
    }
    const [id, attr] = getAttParts(arg);
    if (typeof id !== 'string' || typeof attr !== 'string' || !attr.startsWith('Outputs.')) return undefined;
    const nested = this.stacks.find((s) => s.nestedIn?.parent === stack.name && s.nestedIn.logicalId === id);
    const out = nested?.template.Outputs?.[attr.slice('Outputs.'.length)];
    return nested && out ? { stack: nested, value: out.Value } : undefined;
  }

  /**
   * The output an `Fn::GetStackOutput` ({ StackName, OutputName, Region?, RoleArn? }) reads, when that
   * stack is in the assembly: aws-cdk-lib renders cross-stack references this way when
   * `@aws-cdk/core:defaultCrossStackReferences` is "weak" (what `cdk init` sets).
   */
  private findStackOutput(arg: unknown, from: StackModel, depth: number): { stack: StackModel; value: unknown } | undefined {
    if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return undefined;
    const { StackName: name, OutputName: output } = arg as Record<string, unknown>;
    const stackName = this.resolveString(name, from, depth);
    const outputName = this.resolveString(output, from, depth);
    if (stackName === undefined || outputName === undefined) return undefined;
    const producer = this.stacks.find((s) => s.stackName === stackName);
    const out = producer?.template.Outputs?.[outputName];
    return producer && out ? { stack: producer, value: out.Value } : undefined;
  }

  /** `depth` carries on through the export's name: an import inside an import's name is a loop too. */
  private findExport(name: unknown, from: StackModel, depth: number): { stack: StackModel; value: unknown } | undefined {
    const key = this.resolveString(name, from, depth);
    if (key === undefined) return undefined;
    if (!this.exportsCache) {
      this.exportsCache = new Map();
      for (const s of this.stacks) {
        for (const out of Object.values(s.template.Outputs ?? {})) {
          const exportName = out?.Export?.Name;
          if (typeof exportName === 'string') this.exportsCache.set(exportName, { stack: s, value: out.Value });
        }
      }
    }
    return this.exportsCache.get(key);
  }
}

/**
 * A fact of a resource that several rules ask for: `compute(resource, arg)` on first use, then
 * the kept value (undefined included). The facts are kept by the resource's assembly model, so
 * they die with it, one plain Map per `compute` (WeakMaps cost the garbage collector more than
 * the facts they save). `compute` is a module-level function, so no closure is made per lookup.
 */
export function resourceFact<T, A>(resource: TemplateResource, compute: (resource: TemplateResource, arg: A) => T, arg: A): T {
  const facts = resource.stack.assembly.derived(compute, newCache) as Map<TemplateResource, T>;
  let fact = facts.get(resource);
  if (fact === undefined && !facts.has(resource)) {
    fact = compute(resource, arg);
    facts.set(resource, fact);
  }
  return fact as T;
}

/** One builder for all caches: no closure allocated per lookup. */
function newCache(): Map<TemplateResource, unknown> {
  return new Map();
}

/** The function name of a one-key `Ref` / `Fn::*` object, else undefined. No allocation: this runs for most values rules resolve. */
function intrinsicName(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const fn = intrinsicKey(value);
  return fn === 'Condition' ? undefined : fn;
}

/** [logicalId, attribute] of an Fn::GetAtt argument: a list, or "Id.Attr.Sub". */
function getAttParts(arg: unknown): readonly unknown[] {
  if (Array.isArray(arg)) return arg;
  if (typeof arg !== 'string') return [];
  const dot = arg.indexOf('.');
  // As split(/\.(.*)/s): no dot gives no attribute.
  return dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
}

/** A resource whose construct path is looked up only when asked for. */
class Resource implements TemplateResource {
  public readonly type: string;
  private resolvedCdkPath?: string | null;
  private resolvedPath?: string;

  constructor(
    public readonly stack: StackModel,
    public readonly logicalId: string,
    public readonly json: CfnResourceJson,
    public readonly properties: Record<string, unknown>,
    private readonly pathOf?: (logicalId: string) => string | undefined,
  ) {
    this.type = json.Type;
  }

  get cdkPath(): string | undefined {
    if (this.resolvedCdkPath === undefined) {
      const meta = this.json.Metadata?.['aws:cdk:path'];
      this.resolvedCdkPath = (typeof meta === 'string' && meta.length > 0 ? meta : this.pathOf?.(this.logicalId)) ?? null;
    }
    return this.resolvedCdkPath ?? undefined;
  }

  get path(): string {
    if (this.resolvedPath === undefined) {
      const p = this.cdkPath;
      this.resolvedPath = p ? p.replace(/\/(Resource|Default)$/, '') : `${this.stack.name}/${this.logicalId}`;
    }
    return this.resolvedPath;
  }
}
