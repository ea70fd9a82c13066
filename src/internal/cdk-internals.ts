/**
 * The only place the kit reaches into aws-cdk-lib internals (members and
 * construct ids that are not public API). Each accessor checks what it gets
 * and throws when aws-cdk-lib changes it, and test/internal/cdk-internals.test.ts
 * pins each one, so an upgrade fails loudly instead of silently. Not exported.
 */
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { App, CfnElement, IPolicyValidationPlugin, Stack, Stage } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';

function changed(what: string): never {
  throw new Error(`cdk-ecs-kit: aws-cdk-lib internal '${what}' changed; update src/internal/cdk-internals.ts`);
}

type TemplateCheck = (template: { Resources?: Record<string, unknown> }) => void;

/** Checks to run on each stack's rendered template. */
const TEMPLATE_CHECKS = new WeakMap<Stack, TemplateCheck[]>();
/** The template each stack last rendered for its file, while EcsChecks wants them (until it reads them). */
const RENDERED = new WeakMap<Stack, object>();
let keepRendered = false;
let renderHook: ((this: Stack) => unknown) | undefined;
/** Work to do on each stack of an app right before it renders, by app root. */
const BEFORE_RENDER = new WeakMap<IConstruct, Array<(stack: Stack) => void>>();
/** Work to do on every stack of every app right before it renders. */
const BEFORE_EVERY_RENDER = new Set<(stack: Stack) => void>();

/**
 * Wrap Stack.prototype._toCloudFormation once, for every stack: it runs the stack's template checks
 * and keeps the template when asked. Internal: Stack._toCloudFormation, which renders and resolves the
 * template; Stack._synthesizeTemplate writes `JSON.stringify` of its result as the template file.
 */
function hookRender(): (this: Stack) => unknown {
  if (renderHook) return renderHook;
  const proto = Stack.prototype as unknown as { _toCloudFormation?: () => unknown };
  const render = proto._toCloudFormation;
  if (typeof render !== 'function') changed('Stack._toCloudFormation');
  const hook = function (this: Stack): unknown {
    for (const before of BEFORE_EVERY_RENDER) before(this);
    for (const before of BEFORE_RENDER.get(this.node.root) ?? []) before(this);
    const template = render.call(this);
    if (typeof template !== 'object' || template === null) changed('Stack._toCloudFormation (result)');
    const checks = TEMPLATE_CHECKS.get(this);
    if (checks) for (const c of checks) c(template as { Resources?: Record<string, unknown> });
    // A subclass that overrides _toCloudFormation may change the template after this: not kept.
    if (keepRendered && (this as unknown as { _toCloudFormation: unknown })._toCloudFormation === hook) RENDERED.set(this, template);
    return template;
  };
  Object.defineProperty(proto, '_toCloudFormation', { configurable: true, writable: true, value: hook });
  return renderHook = hook;
}

/**
 * Run `check` on the stack's resolved template each time the stack renders it (at synth, right
 * before the template file is written; `check` may throw to fail synth). Construct checks read
 * what synth renders anyway instead of rendering each resource a second time in a node validation.
 */
export function checkRenderedTemplate(stack: Stack, check: TemplateCheck): void {
  if (typeof (stack as unknown as { _toCloudFormation?: unknown })._toCloudFormation !== 'function') changed('Stack._toCloudFormation');
  hookRender();
  const existing = TEMPLATE_CHECKS.get(stack);
  if (existing) existing.push(check);
  else TEMPLATE_CHECKS.set(stack, [check]);
}

/**
 * Run `use` on the resolved properties of `element`'s resource each time its stack renders it (an empty object when
 * it has none): what a check or an acknowledgement depends on, as the template states it after every later change.
 */
export function onRenderedProperties(element: CfnElement, use: (properties: Record<string, unknown>) => void): void {
  const stack = Stack.of(element);
  const id = stack.getLogicalId(element);
  checkRenderedTemplate(stack, (template) => {
    const rendered = template.Resources?.[id] as { Properties?: Record<string, unknown> } | undefined;
    use(rendered?.Properties ?? {});
  });
}

/**
 * Run `before` on each stack of `root`'s app right before the stack renders its template, after every aspect ran:
 * the one moment that reaches the stacks of nested stages too (an app's aspects stop at a Stage).
 */
export function beforeRender(root: IConstruct, before: (stack: Stack) => void): void {
  hookRender();
  const list = BEFORE_RENDER.get(root);
  if (list) list.push(before);
  else BEFORE_RENDER.set(root, [before]);
}

/** Run `before` on every stack of every app right before the stack renders (once per function, however often registered). */
export function beforeEveryRender(before: (stack: Stack) => void): void {
  hookRender();
  BEFORE_EVERY_RENDER.add(before);
}

/**
 * From now on keep the template each stack renders, for `renderedTemplate`: a validation plugin then
 * reads the object synth wrote to the file instead of reading and parsing the file again.
 */
export function keepRenderedTemplates(): void {
  hookRender();
  keepRendered = true;
}

/**
 * The template `stack` rendered for `templatePath`, as synth wrote it (the file is `JSON.stringify` of it),
 * or undefined when it was not kept (a subclass renders it, or it was already read). Read once: it is
 * dropped here so the app does not hold every template after validation.
 */
export function renderedTemplate(stack: Stack, templatePath: string): object | undefined {
  const template = RENDERED.get(stack);
  RENDERED.delete(stack);
  return template !== undefined && path.basename(templatePath) === stack.templateFile ? template : undefined;
}

/**
 * Every container of a task definition, including ones added on the L2 directly.
 * Internal: TaskDefinition.containers is protected; the kit's own list only has kit-added containers.
 */
export function taskDefinitionContainers(taskDefinition: ecs.TaskDefinition): ecs.ContainerDefinition[] {
  const containers = (taskDefinition as unknown as { containers?: unknown }).containers;
  if (!Array.isArray(containers) || containers.some((c) => !(c instanceof ecs.ContainerDefinition))) {
    changed('TaskDefinition.containers');
  }
  return containers as ecs.ContainerDefinition[];
}

/**
 * The platform string ('linux/arm64', ...) an image asset is built for, when it says.
 * Internal: AssetImage keeps its props private.
 */
export function assetImagePlatform(image: ecs.AssetImage): string | undefined {
  const props = (image as unknown as { props?: unknown }).props;
  if (typeof props !== 'object' || props === null) changed('AssetImage.props');
  const platform = (props as { platform?: { platform?: unknown } }).platform;
  if (platform === undefined) return undefined;
  if (typeof platform.platform !== 'string') changed('AssetImage.props.platform.platform');
  return platform.platform;
}

/**
 * The scalable target behind a service's ScalableTaskCount, for an L1 policy with metric math
 * (the L2 target tracking policy takes single metrics only).
 * Internal: the construct id 'Target' of BaseScalableAttribute's ScalableTarget.
 */
export function scalableTargetOf(count: ecs.ScalableTaskCount): appscaling.ScalableTarget {
  const target = count.node.tryFindChild('Target');
  if (!(target instanceof appscaling.ScalableTarget)) changed("BaseScalableAttribute child 'Target'");
  return target;
}

/**
 * The name of a CpuArchitecture made with CpuArchitecture.of(...) ('ARM64', 'X86_64').
 * Internal: the _cpuArchitecture field; the two constants are compared by identity instead.
 */
export function cpuArchitectureName(arch: ecs.CpuArchitecture): string {
  const name = (arch as unknown as { _cpuArchitecture?: unknown })._cpuArchitecture;
  if (typeof name !== 'string') changed('CpuArchitecture._cpuArchitecture');
  return name;
}

/**
 * AppProps.builtinCloudFormationValidation (false turns aws-cdk-lib's built-in validator off).
 * Internal: App keeps it only in the private _builtinCloudFormationValidation field.
 */
export function appBuiltinValidation(app: App): boolean {
  if (!Object.prototype.hasOwnProperty.call(app, '_builtinCloudFormationValidation')) changed('App._builtinCloudFormationValidation');
  const value: unknown = (app as unknown as { _builtinCloudFormationValidation?: unknown })._builtinCloudFormationValidation;
  return value !== false;
}

/**
 * The image reference ('nginx:1.27', 'public.ecr.aws/...') a RepositoryImage was made from.
 * Internal: RepositoryImage keeps it only in the private imageName field.
 */
export function repositoryImageName(image: ecs.RepositoryImage): string {
  const name = (image as unknown as { imageName?: unknown }).imageName;
  if (typeof name !== 'string') changed('RepositoryImage.imageName');
  return name;
}

/**
 * The CloudFormation capacity provider of an AsgCapacityProvider.
 * Internal: its child with the provider's own construct id (so it is not the default child).
 */
export function cfnCapacityProviderOf(provider: ecs.AsgCapacityProvider): ecs.CfnCapacityProvider {
  const cfn = provider.node.tryFindChild(provider.node.id);
  if (!(cfn instanceof ecs.CfnCapacityProvider)) changed('AsgCapacityProvider child <its own id>');
  return cfn;
}

/**
 * ecs.Cluster that learns about ASG capacity providers without
 * `addAsgCapacityProvider`, which would add inline instance-role policies
 * (and, without managed draining, a drain Lambda); there is no public way to
 * register a provider name otherwise. Internal behaviour relied on: aws-cdk-lib's
 * capacity-provider association aspect and Ec2Service's capacity check read
 * these public getters rather than the private fields behind them, so the
 * association and validation stay aws-cdk-lib's own.
 */
export class KitCluster extends ecs.Cluster {
  private kitProviderNames?: string[];
  private kitDefaultStrategy?: ecs.CapacityProviderStrategy[];

  constructor(scope: Construct, id: string, props: ecs.ClusterProps) {
    super(scope, id, props);
    associateCapacityProvidersOnce(this);
  }

  /** Registers an ASG capacity provider by name (a token is fine). */
  public registerAsgProviderName(name: string): void {
    this.kitProviderNames = [...this.kitProviderNames ?? [], name];
  }

  /** Replaces the default strategy; EcsCluster validates it first. */
  public setKitDefaultStrategy(strategy: ecs.CapacityProviderStrategy[]): void {
    this.kitDefaultStrategy = [...strategy];
  }

  public get capacityProviderNames(): string[] {
    return [...super.capacityProviderNames, ...this.kitProviderNames ?? []];
  }

  public get defaultCapacityProviderStrategy(): ecs.CapacityProviderStrategy[] {
    return this.kitDefaultStrategy ? [...this.kitDefaultStrategy] : super.defaultCapacityProviderStrategy;
  }

  public get hasEc2Capacity(): boolean {
    return (this.kitProviderNames?.length ?? 0) > 0 || super.hasEc2Capacity;
  }
}

/**
 * aws-cdk-lib's capacity provider association aspect creates its resource again on every synth of a cluster with a
 * default strategy (`strategy.length > 0 || names.length > 0 && !this.resource`), so a second synth of the same app
 * (`Template.fromStack` then `Annotations.fromStack` in one test) throws "There is already a Construct with name
 * 'Cluster'". The kit lets it create the resource once. Internal: the aspect's class name and its child id (the
 * cluster's id). When either changes the guard is skipped and test/internal/cdk-internals.test.ts fails.
 */
function associateCapacityProvidersOnce(cluster: ecs.Cluster): void {
  const aspect = cdk.Aspects.of(cluster).all.find((a) => a.constructor.name === 'MaybeCreateCapacityProviderAssociations');
  if (!aspect) return;
  const visit = aspect.visit.bind(aspect);
  aspect.visit = (node) => {
    if (!cluster.node.tryFindChild(cluster.node.id)) visit(node);
  };
}

/**
 * The validation plugins registered on a stage (Validations.of(stage).addPlugins).
 * Internal: Stage._policyValidation; the public getter (policyValidationBeta1)
 * is deprecated and prints a warning on every read.
 */
export function stagePlugins(stage: Stage): readonly IPolicyValidationPlugin[] {
  const list = (stage as unknown as { _policyValidation?: unknown })._policyValidation;
  if (!Array.isArray(list)) changed('Stage._policyValidation');
  return list as IPolicyValidationPlugin[];
}

/**
 * Bind a ContainerImage without a container definition (ECS Express Mode has
 * none): images only read `containerDefinition.taskDefinition` to grant the
 * execution role pulls/credential reads (obtainExecutionRole) and to add
 * dependencies (node); asset images call an optional internal hook. The duck
 * type stands in for ContainerDefinition; the pinning test checks registry,
 * ECR, asset and credentialed images still bind through it.
 */
export function bindImageForRole(scope: Construct, image: ecs.ContainerImage, executionRole: iam.IRole): ecs.ContainerImageConfig {
  const taskDefinition = { obtainExecutionRole: () => executionRole, node: scope.node };
  const config = image.bind(scope, { taskDefinition } as unknown as ecs.ContainerDefinition);
  if (typeof config?.imageName !== 'string') changed('ContainerImage.bind() imageName');
  return config;
}

/**
 * The error aws-cdk-lib's own construct validation throws ("Validation failed with the following
 * errors"): an UnscopedValidationError (marked internal), so `Errors.isValidationError` is true and the
 * CDK CLI shows it as it shows aws-cdk-lib's. A plain Error with the same text if the class goes.
 */
export function validationFailure(message: string): Error {
  const ErrorClass = (cdk as unknown as { UnscopedValidationError?: new (name: string, msg: string) => Error }).UnscopedValidationError;
  return typeof ErrorClass === 'function' ? new ErrorClass('ValidationFailedWithErrors', message) : new Error(message);
}

/**
 * Whether a principal is aws-cdk-lib's ImmutableRole (`Role.fromRoleArn(..., { mutable: false })`,
 * `role.withoutPolicyUpdates()`): the app asked that nothing be attached to the role. Internal: the
 * class is private (aws-iam/lib/private/immutable-role, not in the package's exports), so it is known by its name.
 */
export function isImmutableRole(principal: unknown): boolean {
  // aws-cdk-lib 2.276's build names the class ImmutableRole2.
  return /^ImmutableRole\d*$/.test((principal as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? '');
}
