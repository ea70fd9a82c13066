/**
 * The checks only a construct can make, with their documented KIT-* ids: the
 * one table of construct-check ids (docs/rules.md lists it). A check that a
 * rule can make over the synthesized template has an ECS-* id, lives in
 * src/rules, and constructs report it with the rule's id and severity
 * (`fail` refuses anything else). Not exported from the package.
 */
import { Severity } from './rules/finding';

/** One construct-only check. */
export interface KitCheck {
  /** KIT-AREA-WHAT. */
  readonly id: string;
  /** Errors throw at construction or fail synth; warnings are acknowledgeable annotations. */
  readonly severity: Severity;
  /** What it checks. */
  readonly title: string;
  /** Why no rule over CloudFormation can check it. */
  readonly constructOnly: string;
}

const check = (id: string, title: string, constructOnly: string, severity = Severity.ERROR): KitCheck =>
  ({ id, severity, title, constructOnly });

const PROPS = 'Kit props that do not exist in CloudFormation.';
const INPUT = 'Validates a construct input before aws-cdk-lib renders it (aws-cdk-lib or ECS would reject it later with a vaguer message).';
const WIRING = 'About how constructs are wired together, not one resource.';

/** Every construct-only check, by id. */
export const KIT_CHECKS = {
  CAPACITY_ARCH: check('KIT-CAPACITY-ARCH', 'Instance types share one architecture that the capacity image supports', INPUT),
  CAPACITY_GPU: check('KIT-CAPACITY-GPU', 'GPU instance types get an image whose agent registers their GPUs', INPUT),
  CAPACITY_NETWORK_MODE: check('KIT-CAPACITY-NETWORK-MODE', 'allowTaskTraffic gets a network mode it can open ports for', WIRING),
  CAPACITY_PORT: check('KIT-CAPACITY-PORT', 'allowTaskTraffic gets a valid container port', WIRING),
  CAPACITY_SIZE: check('KIT-CAPACITY-SIZE', 'Auto Scaling group minCapacity is not above maxCapacity', INPUT),
  CAPACITY_SPOT: check('KIT-CAPACITY-SPOT', 'On-demand base and percentage above base are in range', INPUT),
  CAPACITY_TYPES: check('KIT-CAPACITY-TYPES', 'Between one instance type and the mixed-instances override limit', INPUT),
  CLUSTER_GRANTEE: check('KIT-CLUSTER-GRANTEE', 'Cluster grants attach to a role, user or group', WIRING),
  FARGATE_SIZE: check('KIT-FARGATE-SIZE', 'FargateSize.smallestFor gets cpu and memory needs Fargate can meet', PROPS),
  FLEET_BUDGET: check('KIT-FLEET-BUDGET', 'Each ServiceFleet shard stays within its resource budget and its load balancer\'s 100 target groups',
    'The budget and the key-to-shard placement are ServiceFleet settings; ECS-QT-06 sees only the 500-resource limit.'),
  FLEET_KEY: check('KIT-FLEET-KEY', 'ServiceFleet keys are stable literal construct ids, one service per key', PROPS),
  FLEET_SHARDS: check('KIT-FLEET-SHARDS', 'ServiceFleet shards, resourceBudget and shardOverrides are in range', PROPS),
  FLEET_TASK: check('KIT-FLEET-TASK', 'A ServiceFleet service\'s task is in the service\'s shard stack', WIRING),
  JOB_EBS_VOLUME: check('KIT-JOB-EBS-VOLUME', 'ScheduledJob does not run a task with an EBS volume configured at launch',
    'AWS::Scheduler::Schedule EcsParameters have no volume configuration: the task would never start. Needs the task construct.'),
  JOB_RANGE: check('KIT-JOB-RANGE', 'ScheduledJob taskCount, retries and event age within EventBridge Scheduler ranges', INPUT),
  JOB_TAGS: check('KIT-JOB-TAGS', 'ScheduledJob propagates tags from the task definition or not at all', INPUT),
  MI_REQUIREMENT_UNIT: check('KIT-MI-REQUIREMENT-UNIT', 'Managed Instances requirement sizes from deploy-time values are given in CloudFormation\'s unit (MiB, GiB per vCPU)', PROPS),
  MI_OPTIMIZATION: check('KIT-MI-OPTIMIZATION', 'Managed Instances scaleInAfter is not combined with infrastructureOptimization: false', PROPS),
  MI_TASK_VOLUME: check('KIT-MI-TASK-VOLUME', 'Managed Instances taskVolumeStorage is a whole number of GiB, at least 1', PROPS),
  MI_INSTANCE_TYPES: check('KIT-MI-INSTANCE-TYPES', 'Managed Instances instanceTypes are not empty, share one architecture and are not combined with allowed/excluded types', PROPS),
  REGISTRY_ACCOUNT_ID: check('KIT-REGISTRY-ACCOUNT-ID', 'Account ids are 12 digits', INPUT),
  REGISTRY_CACHE_CREDENTIALS: check('KIT-REGISTRY-CACHE-CREDENTIALS', 'Pull-through cache credentials are in an ecr-pullthroughcache/ secret', INPUT),
  REGISTRY_CACHE_PREFIX: check('KIT-REGISTRY-CACHE-PREFIX', 'Pull-through cache repository prefix is valid', INPUT),
  REGISTRY_CACHE_REPOSITORY: check('KIT-REGISTRY-CACHE-REPOSITORY', 'PullThroughCacheRule.containerImage gets an upstream repository path without a registry host that makes a valid ECR repository name', INPUT),
  REGISTRY_GRANTEE: check('KIT-REGISTRY-GRANTEE', 'Repository grants attach to a role, user or group', WIRING),
  REGISTRY_IMAGE_DIGEST: check('KIT-REGISTRY-IMAGE-DIGEST', 'Image digests are sha256:<64 hex>', INPUT),
  REGISTRY_IMAGE_TAG: check('KIT-REGISTRY-IMAGE-TAG', 'Image tags are valid Docker tags', INPUT),
  REGISTRY_LIFECYCLE: check('KIT-REGISTRY-LIFECYCLE', 'lifecycleRules are not combined with the lifecycle shortcuts, and the tag-status-any rule comes last', PROPS),
  REGISTRY_ORG_ID: check('KIT-REGISTRY-ORG-ID', 'AWS Organizations ids are o-xxxxxxxxxx', INPUT),
  REGISTRY_REMOVAL_POLICY: check('KIT-REGISTRY-REMOVAL-POLICY', 'A repository\'s removal policy is one ECR supports (not SNAPSHOT)', PROPS),
  REGISTRY_REPLICATION_DESTINATION: check('KIT-REGISTRY-REPLICATION-DESTINATION', 'Each replication rule has a destination', INPUT),
  REGISTRY_REPLICATION_FILTER: check('KIT-REGISTRY-REPLICATION-FILTER', 'Replication prefixes are valid PREFIX_MATCH filters', INPUT),
  REGISTRY_SCAN_FILTER: check('KIT-REGISTRY-SCAN-FILTER', 'Scanning filters are valid WILDCARD filters', INPUT),
  REGISTRY_SCAN_FREQUENCY: check('KIT-REGISTRY-SCAN-FREQUENCY', 'Scanning frequency fits the scan type (no CONTINUOUS_SCAN with BASIC)', PROPS),
  SERVICE_ARCH: check('KIT-SERVICE-ARCH', 'Task and EC2 or Managed Instances capacity share a CPU architecture', WIRING),
  SERVICE_BACKLOG_METRIC: check('KIT-SERVICE-BACKLOG-METRIC', 'WorkerService backlog scaling has the Container Insights task count it divides by',
    'Container Insights is a cluster setting; an imported cluster does not show it.'),
  SERVICE_BACKLOG_METRIC_UNSET: check('KIT-SERVICE-BACKLOG-METRIC-UNSET',
    'WorkerService backlog scaling on a cluster that leaves Container Insights to the account setting (warning)',
    'The account setting is not in the template; it is off unless the account turned it on.', Severity.WARNING),
  SERVICE_CAPACITY: check('KIT-SERVICE-CAPACITY', 'The task has capacity of its kind in the cluster', WIRING),
  SERVICE_CAPACITY_UNSEEN: check('KIT-SERVICE-CAPACITY-UNSEEN', 'The capacity of an imported cluster cannot be checked (warning)',
    'An imported cluster\'s capacity providers are not in the app.', Severity.WARNING),
  SERVICE_CERTIFICATE: check('KIT-SERVICE-CERTIFICATE', 'A new HTTPS/TLS listener has a certificate', PROPS),
  SERVICE_CLUSTER: check('KIT-SERVICE-CLUSTER', 'The cluster a service runs in knows its VPC', INPUT),
  SERVICE_CONNECT_TLS: check('KIT-SERVICE-CONNECT-TLS', 'Service Connect TLS only on a service that publishes a port', PROPS),
  SERVICE_COUNT: check('KIT-SERVICE-COUNT', 'Task counts are whole numbers in range', INPUT),
  SERVICE_DEPLOYMENT: check('KIT-SERVICE-DEPLOYMENT', 'Deployment options fit the strategy and the service shape; lifecycle hook stages are named once each', PROPS),
  SERVICE_DESIRED_COUNT: check('KIT-SERVICE-DESIRED-COUNT', 'desiredCount and autoScaling are not both set', PROPS),
  SERVICE_EXEC: check('KIT-SERVICE-EXEC', 'ECS Exec only on a cluster that logs sessions', WIRING),
  SERVICE_EXEC_UNSEEN: check('KIT-SERVICE-EXEC-UNSEEN', 'ECS Exec on an imported cluster whose session logging cannot be seen (warning)',
    'An imported cluster\'s execute-command configuration is not in the app.', Severity.WARNING),
  SERVICE_LB_SUBNETS: check('KIT-SERVICE-LB-SUBNETS', 'An internet-facing load balancer has public subnets to go in', INPUT),
  SERVICE_LB_INGRESS: check('KIT-SERVICE-LB-INGRESS', 'A kit load balancer security group admits the world only on its listener ports (warning)',
    'The kit acknowledges the packs\' ingress findings only for its own listener rules; a wider rule the app adds withholds them, and with '
    + 'the VPC CIDR as a token cdk-nag reports a rule error instead of the open port.', Severity.WARNING),
  SERVICE_LISTENER_PEER: check('KIT-SERVICE-LISTENER-PEER', 'An internal load balancer\'s default listener peer, the VPC CIDR, is known', INPUT),
  SERVICE_LISTENER_PORT: check('KIT-SERVICE-LISTENER-PORT', 'A listener port is 1-65535', INPUT),
  SERVICE_LISTENER_RULE: check('KIT-SERVICE-LISTENER-RULE', 'Listener rules have a priority and a host or path condition', PROPS),
  SERVICE_NETWORK_MODE: check('KIT-SERVICE-NETWORK-MODE', 'securityGroup/vpcSubnets only with awsvpc tasks', INPUT),
  SERVICE_PERCENT: check('KIT-SERVICE-PERCENT', 'Deployment percents are whole numbers in range', INPUT),
  SERVICE_OS: check('KIT-SERVICE-OS', 'Task and EC2 capacity run the same operating system family (Windows or Linux)', WIRING),
  SERVICE_PLATFORM: check('KIT-SERVICE-PLATFORM', 'platformVersion only on services that run on Fargate', INPUT),
  SERVICE_PORT: check('KIT-SERVICE-PORT', 'The load-balanced container port is mapped by the main container', WIRING),
  SERVICE_QUEUE: check('KIT-SERVICE-QUEUE', 'Queue options only for the queue the kit creates, in SQS ranges', PROPS),
  SERVICE_CONNECT_CLIENT: check('KIT-SERVICE-CONNECT-CLIENT',
    'allowFrom opens a Service Connect server to services that are Service Connect clients of its namespace (warning)',
    'Both services deploy; only a client\'s tasks can resolve the server\'s Service Connect name. A service may also reach it by task IP.', Severity.WARNING),
  SERVICE_DAEMON_IDLE: check('KIT-SERVICE-DAEMON-IDLE',
    'A daemon\'s capacity launches instances: minCapacity above 0, or a replica service or ScheduledJob on it (warning)', WIRING, Severity.WARNING),
  SERVICE_PORT_UNMAPPED: check('KIT-SERVICE-PORT-UNMAPPED', 'allowFrom opens a port some container of the task maps (warning)',
    'Load balancers and Service Connect proxies connect to container ports; an awsvpc task may still listen on ports it does not map.', Severity.WARNING),
  SERVICE_SCALING: check('KIT-SERVICE-SCALING', 'Auto scaling targets, capacities and cooldowns are in range', PROPS),
  SERVICE_TASK: check('KIT-SERVICE-TASK', 'Exactly one kit task or aws-cdk-lib task definition, compatible with Fargate, EC2 or Managed Instances, with an essential container', PROPS),
  SYNTH_VALUE: check('KIT-SYNTH-VALUE', 'Props the kit computes with at synth (Fargate sizes, ECR lifecycle counts and ages, mutable tag patterns) are not deploy-time values',
    'A token has no value at synth, and these props do not reach the template as they are: the kit computes or renders text from them.'),
  TASK_ARCH: check('KIT-TASK-ARCH', 'Image assets are built for the task architecture', 'The asset platform is not in the template.'),
  TASK_BRIDGE_HOST_PORT: check('KIT-TASK-BRIDGE-HOST-PORT', 'Bridge tasks use dynamic host ports', 'A kit default (safe rolling deployments), not an ECS constraint.'),
  TASK_CONTAINER_ID: check('KIT-TASK-CONTAINER-ID', 'addContainer ids are unique in the task (the main container\'s is app)',
    'Construct ids are not in the template; aws-cdk-lib would throw a bare "There is already a Construct with name" error.'),
  TASK_HEALTH_CHECK_TIMEOUT: check('KIT-TASK-HEALTH-CHECK-TIMEOUT', 'A container health check timeout is not longer than its interval',
    'ECS accepts it (catalogue CT-10 is skipped), but aws-cdk-lib refuses it at synth with a bare "Health check interval should be longer than timeout".'),
  TASK_EBS_SIZE: check('KIT-TASK-EBS-SIZE', 'An EBS volume has a size or a snapshot to size it from', INPUT),
  TASK_GRANTEE: check('KIT-TASK-GRANTEE', 'grantRunTask attaches to a role, user or group', WIRING),
  TASK_HOST_NETWORK: check('KIT-TASK-HOST-NETWORK', 'Host network mode shares the instance network stack (warning)',
    'A kit recommendation (Control Tower CT.ECS.PR.4/PR.8 flag host mode), not an ECS constraint.', Severity.WARNING),
  TASK_JSON: check('KIT-TASK-JSON', 'The task definition JSON file is readable and maps onto a task definition', PROPS),
  TASK_JSON_READ_ONLY: check('KIT-TASK-JSON-READ-ONLY', 'Read-only fields of a described task definition are skipped (warning)', PROPS, Severity.WARNING),
  TASK_PRIVILEGED_PORT: check('KIT-TASK-PRIVILEGED-PORT', 'A container the kit runs as non-root does not map a port below 1024 (warning)',
    'The kit\'s default user is non-root, and ECS does not let a non-root process bind ports below 1024 (containers-roadmap#1721).', Severity.WARNING),
  TASK_CPU: check('KIT-TASK-CPU', 'Ec2Task cpu is set on a Linux task (ECS ignores task-level cpu on Windows)', INPUT),
  TASK_MEMORY: check('KIT-TASK-MEMORY', 'Ec2Task and ManagedInstancesTask memoryMiB is a whole number of MiB, at least 6, on a Linux task; an Ec2Task with a token memoryMiB sizes its main container', INPUT),
} as const;

/** All construct checks, sorted by id. */
export const ALL_KIT_CHECKS: readonly KitCheck[] = Object.values(KIT_CHECKS).sort((a, b) => a.id.localeCompare(b.id));

/** The construct check with this id, if any. */
export function kitCheck(id: string): KitCheck | undefined {
  return ALL_KIT_CHECKS.find((c) => c.id === id);
}
