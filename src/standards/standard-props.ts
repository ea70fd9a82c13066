/** What a deployment standard says. Plain data: it round-trips through JSON. */
import { Severity } from '../rules/finding';

/** Encryption at rest the standard requires of logs, repositories, queues and topics. */
export enum EncryptionRequirement {
  /** No requirement beyond what AWS does by default. */
  NONE = 'none',
  /** Encrypted, with an AWS-owned or customer key (e.g. SQS-managed SSE counts). */
  AWS_OWNED = 'aws-owned',
  /**
   * Encrypted with a KMS key: a customer managed key, or the service's AWS managed key (`alias/aws/sqs`, ECR's `aws/ecr`),
   * which the account can audit in CloudTrail but whose key policy it cannot edit. AWS-owned keys (SQS-managed SSE, ECR's
   * AES256) do not count.
   */
  KMS = 'kms',
}

/** cdk-nag packs a standard can require. */
export enum NagPack {
  /** cdk-nag AwsSolutions. */
  AWS_SOLUTIONS = 'AwsSolutions',
  /** cdk-nag HIPAA Security. */
  HIPAA_SECURITY = 'HIPAA.Security',
  /** cdk-nag NIST 800-53 Rev 5. */
  NIST_800_53_R5 = 'NIST.800.53.R5',
  /** cdk-nag PCI DSS 3.2.1. */
  PCI_DSS_321 = 'PCI.DSS.321',
}

/** The policy of a DeploymentStandard. Every field is optional: unset means "no requirement". */
export interface DeploymentStandardProps {
  /**
   * Name shown in findings, e.g. `acme-platform`.
   * @default 'custom'
   */
  readonly name?: string;
  /**
   * Version of the standard, shown in findings, e.g. `2.1.0`.
   * @default - none
   */
  readonly version?: string;
  /**
   * Tag keys every ECS cluster, service, task definition, capacity provider,
   * ECR repository, load balancer and log group must carry (ORG-TAG-01).
   * @default - none
   */
  readonly requiredTags?: string[];
  /**
   * Tags `apply()` adds to every taggable resource of the app (aws-cdk-lib Tags).
   * @default - none
   */
  readonly defaultTags?: { [key: string]: string };
  /**
   * Services and scheduled ECS tasks must propagate tags to their tasks (ORG-TAG-02).
   *
   * Services set PropagateTags SERVICE or TASK_DEFINITION, and EventBridge Scheduler schedules that run ECS tasks set
   * EcsParameters.PropagateTags TASK_DEFINITION.
   * @default false
   */
  readonly requireTagPropagation?: boolean;
  /**
   * Regions stacks may deploy to (ORG-REG-01). Env-agnostic stacks are not judged.
   * @default - any Region
   */
  readonly allowedRegions?: string[];
  /**
   * Fargate sizes allowed, as `cpu/memoryMiB` strings, e.g. `['256/512', '1024/2048']` (ORG-FG-01).
   * @default - every size Fargate supports
   */
  readonly allowedFargateSizes?: string[];
  /**
   * Largest task size in vCPU (task-level Cpu / 1024), Fargate or EC2 (ORG-FG-02).
   * @default - no limit
   */
  readonly maxTaskVcpu?: number;
  /**
   * Largest desiredCount of a service (ORG-SVC-01).
   * @default - no limit
   */
  readonly maxDesiredCount?: number;
  /**
   * Shortest log group retention in days (ORG-LOG-01). `apply()` also raises
   * the kit tasks' default log retention to at least this.
   * @default - no minimum
   */
  readonly minLogRetentionDays?: number;
  /**
   * Encryption of log groups, ECR repositories, SQS queues and SNS topics (ORG-ENC-01).
   * @default EncryptionRequirement.NONE
   */
  readonly requiredEncryption?: EncryptionRequirement;
  /**
   * Image sources allowed, as patterns where `*` matches anything, e.g.
   * `['111111111111.dkr.ecr.*.amazonaws.com/*', 'public.ecr.aws/*']` (ORG-IMG-01).
   * Docker Hub short names (`nginx:1.27`) are judged as `docker.io/library/nginx:1.27`.
   * @default - any source
   */
  readonly allowedImageSources?: string[];
  /**
   * Images must be pinned by digest (`@sha256:...`, ORG-IMG-02). Images of the app's own ECR repositories
   * (imageForTag, fromEcrRepository, a pull-through cache) are judged by the tag their URI ends with; images built
   * from assets are not judged.
   * @default false
   */
  readonly requireImageDigest?: boolean;
  /**
   * Whether Fargate Spot and EC2 Spot capacity are allowed (ORG-SPOT-01).
   * @default true
   */
  readonly allowSpot?: boolean;
  /**
   * Whether internet-facing load balancers are allowed (ORG-ELB-01).
   * @default true
   */
  readonly allowPublicLoadBalancers?: boolean;
  /**
   * Whether services may enable ECS Exec (ORG-EXEC-01).
   * @default true
   */
  readonly allowExecuteCommand?: boolean;
  /**
   * Clusters must enable Container Insights (ORG-CI-01).
   * @default false
   */
  readonly requireContainerInsights?: boolean;
  /**
   * Services with the ECS deployment controller must roll back a failed deployment: the circuit breaker or
   * deployment alarms with rollback (ORG-DEP-01). Kit services have the circuit breaker by default.
   * @default false
   */
  readonly requireDeploymentRollback?: boolean;
  /**
   * Quota profile the kit's quota rules use: `current` or `legacy`.
   * @default 'current'
   */
  readonly quotaProfile?: string;
  /**
   * Raised quota values, by quota id, e.g. `{ servicesPerCluster: 8000 }`.
   * @default - none
   */
  readonly quotaOverrides?: { [quotaId: string]: number };
  /**
   * cdk-nag packs that must pass. `apply()` registers them.
   * @default - none
   */
  readonly nagPacks?: NagPack[];
  /**
   * The AWS Control Tower proactive controls (cfn-guard) must pass. `apply()`
   * registers `@cdklabs/cdk-validator-cfnguard` (an optional peer dependency).
   * @default false
   */
  readonly controlTower?: boolean;
  /**
   * Severities the standard gives rule ids (ECS-*, as docs/rules.md lists them), e.g. `{ 'ECS-CT-23': Severity.ERROR }` to fail synth on a plain
   * value in a secret-like environment variable. `EcsChecks` and `cdk-ecs-kit check` (with the standard) use them; an
   * `EcsChecks` severityOverrides entry wins over the standard's.
   * @default - each rule's own severity
   */
  readonly severityOverrides?: { [ruleId: string]: Severity };
}
