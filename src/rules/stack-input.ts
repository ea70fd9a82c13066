/**
 * What an assembly loader hands to the model: the templates of one assembly's stacks, with what the
 * assembly records beside them (environment, acknowledgements, construct warnings, the standard).
 */

export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResourceJson>;
  readonly Outputs?: Record<string, { Value?: unknown; Export?: { Name?: unknown } }>;
  readonly Parameters?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
  readonly Condition?: string;
  readonly [key: string]: unknown;
}

/** Where a stack runs: a literal Region, or undefined for env-agnostic. */
export interface StackEnvironment {
  readonly account?: string;
  readonly region?: string;
}

/** The EcsChecks settings an app's synth recorded (CHECKS_SETTINGS_METADATA). */
export interface ChecksSettings {
  readonly disabledRules: readonly string[];
  /** Severity by rule id, as the plugin was given it ('error' or 'warning'). */
  readonly severityOverrides: Readonly<Record<string, string>>;
}

/** A `Validations.of(scope).acknowledge()` entry read from a cloud assembly. */
export interface Acknowledgement {
  /** Construct path of the scope, without a leading slash. */
  readonly path: string;
  /** The id as recorded: `Annotation::ECS-CT-23` (a bare id), `cdk-ecs-kit::ECS-CT-23`, or another plugin's `AwsSolutions::AwsSolutions-IAM5`. */
  readonly id: string;
  readonly reason: string;
}

export interface StackInput {
  /** Stack (artifact) name. */
  readonly name: string;
  readonly template: CfnTemplate;
  readonly environment?: StackEnvironment;
  /** File the template was read from, for messages. */
  readonly file?: string;
  /** Size of the template file in bytes, when read from disk. */
  readonly templateSize?: number;
  /** Read from a task definition JSON file (CLI): findings name the file's own fields. */
  readonly taskDefinitionJson?: boolean;
  /** Where the task definition sits in that file: `taskDefinition/` in describe-task-definition output, else ''. */
  readonly taskDefinitionJsonRoot?: string;
  /**
   * Construct path of a logical id, for templates synthesized without
   * aws:cdk:path metadata (the plugin reads them from the construct tree).
   * Called lazily: only for resources whose path a message needs.
   */
  readonly constructPathOf?: (logicalId: string) => string | undefined;
  /** Acknowledgements recorded in the assembly's metadata (CLI only; in a synth, aws-cdk-lib applies them). */
  readonly acknowledgements?: readonly Acknowledgement[];
  /** The CloudFormation stack name, which `Fn::GetStackOutput` names. @default - none: not found by name */
  readonly stackName?: string;
  /**
   * Whether aws-cdk-lib's built-in CloudFormation validator reads this template in a synth; it does not read
   * nested stack templates, so rules it overlaps still run there. @default true
   */
  readonly builtInValidated?: boolean;
  /**
   * For a nested stack: the parent stack (its `name`) and the logical id of the AWS::CloudFormation::Stack
   * resource that creates it, so parameters and outputs between them resolve. @default - not a nested stack
   */
  readonly nestedIn?: { readonly parent: string; readonly logicalId: string };
  /**
   * Warnings the kit's constructs recorded in the assembly at synth (KIT-* construct checks), which no rule over the
   * template can make (CLI only). @default - none
   */
  readonly constructWarnings?: readonly ConstructWarning[];
  /** The deployment standard the stack's synth applied, as JSON text (CLI only). @default - none recorded */
  readonly standard?: string;
  /** The EcsChecks disabledRules and severityOverrides the stack's synth ran with (CLI only). @default - none recorded */
  readonly checksSettings?: ChecksSettings;
  /**
   * Stack-level tags (`StackProps.tags`, `Tags.of(stack)`): CloudFormation applies them to the stack's taggable resources
   * at deploy, though the template does not list them on the resources. @default - none
   */
  readonly stackTags?: { readonly [key: string]: string };
}

/** A construct check's warning as the assembly's metadata records it. */
export interface ConstructWarning {
  /** Construct path, without a leading slash. */
  readonly path: string;
  /** KIT-* id (or cdk-ecs-kit:*). */
  readonly id: string;
  readonly message: string;
}
