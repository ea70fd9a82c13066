/**
 * Cluster identity across an assembly: a service names its cluster by Ref,
 * Fn::GetAtt Arn, Fn::ImportValue of another stack's export, a literal name or
 * an ARN. All of these must land on the same key, or a shared cluster's
 * services would be counted as several small clusters.
 */
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { toArray, toStr } from '../values';

export const CLUSTER = 'AWS::ECS::Cluster';
export const ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';

export interface ClusterId {
  /** Same key for every way of naming the same cluster. */
  readonly key: string;
  /** "cluster Shared/Cluster", or "cluster web (not in this app)". */
  readonly label: string;
  /** The AWS::ECS::Cluster resource, when the cluster is part of the assembly. */
  readonly resource?: TemplateResource;
  readonly region?: string;
}

const ARN = /^arn:[^:]+:ecs:([^:]*):[^:]*:cluster\/([A-Za-z0-9_-]{1,255})$/;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** Stand-in for pseudo parameters whose value does not matter for the cluster name. */
const ANY = '\u0000';

export class ClusterIndex {
  private readonly byResource = new Map<TemplateResource, ClusterId>();
  private readonly named: { name: string; id: ClusterId }[] = [];

  constructor(private readonly assembly: AssemblyModel) {
    for (const res of assembly.ofType(CLUSTER)) {
      const name = toStr(res.properties.ClusterName);
      const region = res.stack.region;
      const id: ClusterId = {
        key: name && NAME.test(name) ? nameKey(name, region) : `res|${res.stack.name}|${res.logicalId}`,
        // A getter: the construct path is read only for a message.
        get label() { return `cluster ${res.path}`; },
        resource: res,
        region,
      };
      this.byResource.set(res, id);
      if (name && NAME.test(name)) this.named.push({ name, id });
    }
  }

  /** Every AWS::ECS::Cluster of the assembly. */
  public all(): ClusterId[] {
    return [...this.byResource.values()];
  }

  public ofResource(res: TemplateResource): ClusterId | undefined {
    return this.byResource.get(res);
  }

  /**
   * The cluster a service's (or association's) Cluster property names.
   * Absent means the Region's `default` cluster. undefined when undecidable.
   */
  public resolve(value: unknown, stack: StackModel): ClusterId | undefined {
    if (value === undefined) return this.byName('default', stack.region);
    const ref = this.assembly.resolveReference(value, stack);
    if (ref) return ref.resource.type === CLUSTER ? this.byResource.get(ref.resource) : undefined;
    const text = this.assembly.resolveString(value, stack) ?? joinWithPseudo(this.assembly, value, stack);
    if (text === undefined) return undefined;
    const arn = ARN.exec(text);
    if (arn) {
      const region = arn[1] === ANY || arn[1] === '' ? stack.region : arn[1];
      return this.byName(arn[2], region);
    }
    if (text.includes(ANY) || !NAME.test(text)) return undefined;
    return this.byName(text, stack.region);
  }

  /** The cluster with this literal name in the Region (env-agnostic stacks match any Region). */
  private byName(name: string, region: string | undefined): ClusterId {
    const candidates = this.named.filter((c) => c.name === name
      && (c.id.region === region || c.id.region === undefined || region === undefined));
    const exact = candidates.filter((c) => c.id.region === region);
    const pick = exact.length === 1 ? exact[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (pick) return pick.id;
    return { key: nameKey(name, region), label: `cluster ${name}${region ? ` in ${region}` : ''} (not in this app)`, region };
  }
}

function nameKey(name: string, region: string | undefined): string {
  return `name|${region ?? '?'}|${name}`;
}

/**
 * Fn::Join whose parts are literals or pseudo parameters, e.g. an ARN built
 * from AWS::Partition, AWS::Region and AWS::AccountId. AWS::Region becomes
 * the stack's Region when known; other pseudo parameters become a marker,
 * which never matches a cluster name.
 */
function joinWithPseudo(assembly: AssemblyModel, value: unknown, stack: StackModel): string | undefined {
  const join = (value as { 'Fn::Join'?: unknown } | undefined)?.['Fn::Join'];
  const args = toArray(join);
  if (!args || args.length !== 2 || typeof args[0] !== 'string') return undefined;
  const parts = toArray(args[1]);
  if (!parts) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    const ref = (part as { Ref?: unknown } | undefined)?.Ref;
    if (typeof ref === 'string' && ref.startsWith('AWS::')) {
      out.push(ref === 'AWS::Region' && stack.region ? stack.region : ANY);
      continue;
    }
    const s = assembly.resolveString(part, stack);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out.join(args[0]);
}

/** Clusters named by ClusterCapacityProviderAssociations resources, with the resource. */
export function associationsOf(index: ClusterIndex, assembly: AssemblyModel): { cluster: ClusterId; resource: TemplateResource }[] {
  const out: { cluster: ClusterId; resource: TemplateResource }[] = [];
  for (const res of assembly.ofType(ASSOCIATIONS)) {
    const cluster = index.resolve(res.properties.Cluster ?? null, res.stack);
    if (cluster) out.push({ cluster, resource: res });
  }
  return out;
}
