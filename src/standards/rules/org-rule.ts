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
  const keys = resourceTagKeys(resource);
  // Stack-level tags reach the resource at deploy.
  if (keys) for (const key of Object.keys(resource.stack.stackTags)) keys.add(key);
  return keys;
}

function resourceTagKeys(resource: TemplateResource): Set<string> | undefined {
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
  /**
   * For an unresolved image built by Fn::Join (an ECR repository of the app with a tag or digest), the literal text it
   * ends with: `:v1.4.2`, `@sha256:...`.
   */
  readonly literalTail?: string;
  /** The value as written, for a finding's value. */
  readonly value: unknown;
}

/** The literal parts a Fn::Join ends with, joined; undefined for anything else or no literal end. */
function joinTail(value: unknown): string | undefined {
  const join = value && typeof value === 'object' && !Array.isArray(value) ? toArray((value as Record<string, unknown>)['Fn::Join']) : undefined;
  const [separator, parts] = [join?.[0], toArray(join?.[1])];
  if (typeof separator !== 'string' || !parts) return undefined;
  const tail: string[] = [];
  for (let i = parts.length - 1; i >= 0 && typeof parts[i] === 'string'; i--) tail.unshift(parts[i] as string);
  return tail.length === 0 ? undefined : tail.join(separator);
}

/** The images a task definition's containers or an Express service's PrimaryContainer name. */
export function imagesOf(resource: TemplateResource): ImageReference[] {
  if (resource.type === ECS_EXPRESS) {
    const container = toObject(resource.properties.PrimaryContainer);
    if (!container || container.Image === undefined) return [];
    return [imageReference('Properties/PrimaryContainer/Image', 'Express service primary container', container.Image)];
  }
  return containers(resource).map(({ index, def }) => imageReference(`Properties/ContainerDefinitions/${index}/Image`, `Container ${toStr(def.Name) ?? `#${index}`}`, def.Image));
}

function imageReference(property: string, label: string, value: unknown): ImageReference {
  const image = toStr(value);
  return { property, label, image, literalTail: image === undefined ? joinTail(value) : undefined, value };
}
export const ECS_CLUSTER = 'AWS::ECS::Cluster';
