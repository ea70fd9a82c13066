/**
 * The rule contract. Rules are pure functions over synthesized CloudFormation:
 * they import nothing from aws-cdk-lib, so the CDK plugin, the CLI and the
 * constructs all run the same code.
 */
import { Severity } from './finding';
import type { AssemblyModel, StackModel, TemplateResource } from './model';
import type { QuotaProfile } from '../quotas/quota-profile';

export { Severity } from './finding';
export type { Finding } from './finding';

/** The area a rule belongs to; also its folder under src/rules/. */
export type RuleArea = 'task' | 'container' | 'network' | 'service' | 'capacity' | 'cluster' | 'registry' | 'quota' | 'reach' | 'org' | 'template';

/** Metadata every rule carries. docs/rules.md is generated from it. */
export interface RuleMetadata {
  /** Stable id, e.g. ECS-TD-01 (matches ecs-constraints.md ids). Never reused. */
  readonly id: string;
  /** One-line title. */
  readonly title: string;
  readonly area: RuleArea;
  /** Default severity; standards and plugin props may override it. */
  readonly severity: Severity;
  /** What the rule checks. */
  readonly description: string;
  /** The deploy-time error (or failure mode) it prevents. */
  readonly deployError: string;
  /** General fix hint (findings carry a specific one). */
  readonly fix: string;
  /** AWS documentation or API reference the rule is based on. */
  readonly source: string;
  /**
   * Ids of aws-cdk-lib's built-in CloudFormation validator rules (cfn-lint
   * style, e.g. E3047) that catch the same condition. When that validator
   * runs in a CDK synth, the plugin leaves these to it to avoid duplicates;
   * the CLI, which has no built-in validator, always runs them.
   */
  readonly builtInOverlap?: readonly string[];
}

/**
 * What a rule reports. The engine adds rule id, severity, stack, logical id
 * and construct path, and formats the message:
 * `[ID] {problem} at {path}; allowed: {allowed}. {fix}`
 */
export interface RuleIssue {
  /** JSON pointer below the resource, e.g. `Properties/ContainerDefinitions/0/Memory`. */
  readonly property: string;
  /** The offending value as found in the template. */
  readonly value: unknown;
  /** What is wrong, naming the property and the value: "Fargate task cpu 256 does not allow memory 4096 MiB". */
  readonly problem: string;
  /** What is allowed: "512, 1024, 2048". */
  readonly allowed: string;
  /** How to fix it, one sentence: "Use cpu 1024 or more." */
  readonly fix: string;
  /** For assembly rules: the resource the issue is about. Resource rules may omit it. */
  readonly resource?: TemplateResource;
  /**
   * Built-in CloudFormation validator rule that reports this same issue
   * (when only part of a rule overlaps; see RuleMetadata.builtInOverlap).
   */
  readonly builtInOverlap?: string;
}

/** Context handed to every rule. */
export interface RuleContext {
  readonly assembly: AssemblyModel;
  readonly stack: StackModel;
  readonly quotas: QuotaProfile;
}

/** A rule over one resource at a time. */
export interface ResourceRule extends RuleMetadata {
  /** CloudFormation resource types the rule looks at. */
  readonly resourceTypes: readonly string[];
  /**
   * Properties without which the rule cannot report anything: the engine calls it only on
   * resources where at least one of these paths holds a value, and skips the rest without
   * running (or, in a synth, even compiling) its code. A path is property names below
   * `Properties` joined by `/`, where `*` stands for any item of a list: `ProxyConfiguration`;
   * `ContainerDefinitions`, `*`, `HealthCheck` for a health check on any container.
   * test/rules/gates.test.ts checks that each rule reports nothing where all its paths are absent.
   * @default - every resource of its types
   */
  readonly onlyWith?: readonly string[];
  check(resource: TemplateResource, context: RuleContext): RuleIssue[];
}

/** A rule over the whole assembly (quotas, cross-stack limits). */
export interface AssemblyRule extends RuleMetadata {
  checkAssembly(assembly: AssemblyModel, quotas: QuotaProfile): RuleIssue[];
}

export type Rule = ResourceRule | AssemblyRule;

export function isAssemblyRule(rule: Rule): rule is AssemblyRule {
  return typeof (rule as AssemblyRule).checkAssembly === 'function';
}
