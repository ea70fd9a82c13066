/**
 * ORG rules check a deployment standard. They are ordinary resource rules
 * (pure functions over CloudFormation) with the standard bound in, so kit
 * constructs, plain aws-cdk-lib and L1 resources are judged alike.
 */
import { TemplateResource } from '../../rules/model';
import { ResourceRule, RuleContext, RuleIssue, RuleMetadata } from '../../rules/rule';
import { containers } from '../../rules/task/task-facts';
import { toArray, toObject, toStr } from '../../rules/values';
import type { DeploymentStandardProps } from '../standard-props';

export interface OrgRule extends RuleMetadata {
  readonly resourceTypes: readonly string[];
  /** Whether the standard asks for this rule at all. */
  appliesTo(standard: DeploymentStandardProps): boolean;
  check(resource: TemplateResource, context: RuleContext, standard: DeploymentStandardProps): RuleIssue[];
}

/** The rule with the standard bound in, ready for the engine. */
export function bind(rule: OrgRule, standard: DeploymentStandardProps): ResourceRule {
  return { ...rule, check: (resource, context) => rule.check(resource, context, standard) };
}

/** `standard 'acme' 1.2.0`, for messages. */
export function standardLabel(standard: DeploymentStandardProps): string {
  return `standard '${standard.name ?? 'custom'}'${standard.version ? ` ${standard.version}` : ''}`;
}

/** Tag keys of a resource, or undefined when its Tags cannot be read (token, intrinsic). */
export function tagKeys(resource: TemplateResource): Set<string> | undefined {
  const raw = resource.properties.Tags;
  if (raw === undefined) return new Set();
  const list = toArray(raw);
  if (list) {
    const keys = new Set<string>();
    for (const item of list) {
      const key = toStr(toObject(item)?.Key);
      if (key === undefined) return undefined;
      keys.add(key);
    }
    return keys;
  }
  // Some types (e.g. SSM) use a key-value map.
  const map = toObject(raw);
  return map ? new Set(Object.keys(map)) : undefined;
}

/** A `*` pattern as a whole-string RegExp. */
export function patternToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The full reference of an image, with Docker Hub's implicit registry and library/ made explicit. */
export function fullImageName(image: string): string {
  const first = image.split('/')[0];
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return `docker.io/${image.includes('/') ? image : `library/${image}`}`;
}

export const ECS_TASK = 'AWS::ECS::TaskDefinition';
export const ECS_SERVICE = 'AWS::ECS::Service';
/** ECS Express Mode: a service that carries its own container, size and tags. */
export const ECS_EXPRESS = 'AWS::ECS::ExpressGatewayService';

/** One container image a resource runs, with where it sits and a label for messages. */
export interface ImageReference {
  readonly property: string;
  readonly label: string;
  /** The literal image reference, or undefined when unresolved. */
  readonly image?: string;
}

/** The images a task definition's containers or an Express service's PrimaryContainer name. */
export function imagesOf(resource: TemplateResource): ImageReference[] {
  if (resource.type === ECS_EXPRESS) {
    const container = toObject(resource.properties.PrimaryContainer);
    if (!container || container.Image === undefined) return [];
    return [{ property: 'Properties/PrimaryContainer/Image', label: 'Express service primary container', image: toStr(container.Image) }];
  }
  return containers(resource).map(({ index, def }) => ({
    property: `Properties/ContainerDefinitions/${index}/Image`,
    label: `Container ${toStr(def.Name) ?? `#${index}`}`,
    image: toStr(def.Image),
  }));
}
export const ECS_CLUSTER = 'AWS::ECS::Cluster';
