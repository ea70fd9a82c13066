/**
 * The ECS, ECR and CloudFormation quotas the kit checks, as data: one source
 * of truth for rules, constructs, the capacity report and the docs.
 * Figures: ../shared/reference/ecs-constraints.md (AWS General Reference
 * "Amazon ECS endpoints and quotas", ECS and ECR developer guides), read 2026.
 */

/** Ids of the quotas the kit knows. Also the keys of a `--quotas FILE` JSON document. */
export enum EcsQuota {
  CLUSTERS_PER_REGION = 'clustersPerRegion',
  CONTAINER_INSTANCES_PER_CLUSTER = 'containerInstancesPerCluster',
  SERVICES_PER_CLUSTER = 'servicesPerCluster',
  TASKS_PER_SERVICE = 'tasksPerService',
  TASKS_PER_SERVICE_WITH_SERVICE_DISCOVERY = 'tasksPerServiceWithServiceDiscovery',
  TARGET_GROUPS_PER_SERVICE = 'targetGroupsPerService',
  CLASSIC_LOAD_BALANCERS_PER_SERVICE = 'classicLoadBalancersPerService',
  CONTAINERS_PER_TASK_DEFINITION = 'containersPerTaskDefinition',
  TASK_DEFINITION_SIZE_BYTES = 'taskDefinitionSizeBytes',
  TAGS_PER_RESOURCE = 'tagsPerResource',
  CAPACITY_PROVIDERS_PER_CLUSTER = 'capacityProvidersPerCluster',
  CAPACITY_PROVIDERS_PER_STRATEGY = 'capacityProvidersPerStrategy',
  SUBNETS_PER_AWSVPC_CONFIGURATION = 'subnetsPerAwsvpcConfiguration',
  SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION = 'securityGroupsPerAwsvpcConfiguration',
  PLACEMENT_CONSTRAINTS_PER_TASK = 'placementConstraintsPerTask',
  PLACEMENT_STRATEGIES_PER_SERVICE = 'placementStrategiesPerService',
  FARGATE_ON_DEMAND_VCPU = 'fargateOnDemandVcpu',
  FARGATE_SPOT_VCPU = 'fargateSpotVcpu',
  RESOURCES_PER_STACK = 'resourcesPerStack',
  TEMPLATE_SIZE_BYTES = 'templateSizeBytes',
  ECR_REPOSITORIES_PER_REGION = 'ecrRepositoriesPerRegion',
  ECR_LIFECYCLE_RULES_PER_POLICY = 'ecrLifecycleRulesPerPolicy',
  ECR_LIFECYCLE_POLICY_LENGTH = 'ecrLifecyclePolicyLength',
  ECR_REPLICATION_RULES = 'ecrReplicationRules',
  ECR_REPLICATION_DESTINATIONS = 'ecrReplicationDestinations',
  ECR_REPLICATION_FILTERS_PER_RULE = 'ecrReplicationFiltersPerRule',
  ECR_PULL_THROUGH_CACHE_RULES = 'ecrPullThroughCacheRules',
  APPLICATION_LOAD_BALANCERS_PER_REGION = 'applicationLoadBalancersPerRegion',
  LISTENERS_PER_APPLICATION_LOAD_BALANCER = 'listenersPerApplicationLoadBalancer',
  RULES_PER_APPLICATION_LOAD_BALANCER = 'rulesPerApplicationLoadBalancer',
  TARGET_GROUPS_PER_APPLICATION_LOAD_BALANCER = 'targetGroupsPerApplicationLoadBalancer',
}

/** One row of the quota table. */
export interface QuotaDefinition {
  /** Quota id, also the key in a quota file. */
  readonly id: EcsQuota;
  /** Human name, as AWS words it. */
  readonly name: string;
  /** Today's AWS default. */
  readonly current: number;
  /** The older figure (pre-2023 docs and study guides). */
  readonly legacy: number;
  /** Whether Service Quotas lets you raise it. */
  readonly adjustable: boolean;
  /**
   * Service Quotas code, where one exists.
   * @default - none (not in Service Quotas)
   */
  readonly quotaCode?: string;
  /** Unit for reports. */
  readonly unit: string;
  /** AWS documentation the figures come from. */
  readonly source: string;
}

const S1 = 'https://docs.aws.amazon.com/general/latest/gr/ecs-service.html';
const S2 = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html';
const ECR = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html';
const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html';
const ALB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html';
/** ECR API reference; the bundled CloudFormation schema (AWS::ECR::ReplicationConfiguration) has the same maxItems. */
const ECR_REPLICATION_RULES_SRC = 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ReplicationConfiguration.html';
const ECR_REPLICATION_RULE_SRC = 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ReplicationRule.html';

const q = (
  id: EcsQuota, name: string, current: number, legacy: number, adjustable: boolean,
  source: string, unit = 'count', quotaCode?: string,
): QuotaDefinition => ({ id, name, current, legacy, adjustable, source, unit, quotaCode });

export const QUOTA_TABLE: readonly QuotaDefinition[] = [
  q(EcsQuota.CLUSTERS_PER_REGION, 'Clusters per account per Region', 10_000, 1_000, true, S1, 'clusters', 'L-21C621EB'),
  q(EcsQuota.CONTAINER_INSTANCES_PER_CLUSTER, 'Container instances per cluster', 5_000, 1_000, false, S2, 'instances', 'L-86C34207'),
  q(EcsQuota.SERVICES_PER_CLUSTER, 'Services per cluster', 5_000, 500, true, S1, 'services', 'L-9EF96962'),
  q(EcsQuota.TASKS_PER_SERVICE, 'Tasks per service', 5_000, 1_000, true, S2, 'tasks', 'L-4637F321'),
  q(EcsQuota.TASKS_PER_SERVICE_WITH_SERVICE_DISCOVERY, 'Tasks per service with Service Discovery or Service Connect', 1_000, 1_000, false, S2, 'tasks'),
  q(EcsQuota.TARGET_GROUPS_PER_SERVICE, 'Target groups per service', 5, 1, false, S2, 'target groups'),
  q(EcsQuota.CLASSIC_LOAD_BALANCERS_PER_SERVICE, 'Classic Load Balancers per service', 1, 1, false, S2, 'load balancers'),
  q(EcsQuota.CONTAINERS_PER_TASK_DEFINITION, 'Containers per task definition', 10, 10, false, S2, 'containers'),
  q(EcsQuota.TASK_DEFINITION_SIZE_BYTES, 'Task definition size', 65_536, 32_768, false, S2, 'bytes'),
  q(EcsQuota.TAGS_PER_RESOURCE, 'Tags per resource', 50, 50, false, S2, 'tags'),
  q(EcsQuota.CAPACITY_PROVIDERS_PER_CLUSTER, 'Capacity providers per cluster', 20, 10, false, S2, 'capacity providers'),
  q(EcsQuota.CAPACITY_PROVIDERS_PER_STRATEGY, 'Capacity providers per strategy', 20, 6, false, 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html', 'capacity providers'),
  q(EcsQuota.SUBNETS_PER_AWSVPC_CONFIGURATION, 'Subnets per awsvpcConfiguration', 16, 16, false, S2, 'subnets'),
  q(EcsQuota.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION, 'Security groups per awsvpcConfiguration', 5, 5, false, S2, 'security groups'),
  q(EcsQuota.PLACEMENT_CONSTRAINTS_PER_TASK, 'Placement constraints per task', 10, 10, false, 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html', 'constraints'),
  q(EcsQuota.PLACEMENT_STRATEGIES_PER_SERVICE, 'Placement strategy rules per service', 5, 4, false, 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html', 'rules'),
  q(EcsQuota.FARGATE_ON_DEMAND_VCPU, 'Fargate On-Demand vCPU resource count', 6, 6, true, S1, 'vCPU', 'L-3032A538'),
  q(EcsQuota.FARGATE_SPOT_VCPU, 'Fargate Spot vCPU resource count', 6, 6, true, S1, 'vCPU', 'L-36FBB829'),
  q(EcsQuota.RESOURCES_PER_STACK, 'CloudFormation resources per stack', 500, 500, false, CFN, 'resources'),
  // "1 MB" in the CloudFormation docs is 1,000,000 bytes: "Template may not exceed 1000000 bytes in size" (also cfn-lint E1002).
  q(EcsQuota.TEMPLATE_SIZE_BYTES, 'CloudFormation template body size (from S3)', 1_000_000, 460_800, false, CFN, 'bytes'),
  q(EcsQuota.ECR_REPOSITORIES_PER_REGION, 'ECR registered repositories per Region', 10_000, 1_000, true, ECR, 'repositories'),
  q(EcsQuota.ECR_LIFECYCLE_RULES_PER_POLICY, 'ECR rules per lifecycle policy', 50, 50, false, ECR, 'rules'),
  q(EcsQuota.ECR_LIFECYCLE_POLICY_LENGTH, 'ECR lifecycle policy length', 30_720, 30_720, false, ECR, 'characters'),
  // Replication: 25 rules, 100 destinations and 100 filters per rule (API reference and CloudFormation schema, 2026);
  // older docs said 10 rules and 25 unique destinations across all rules.
  q(EcsQuota.ECR_REPLICATION_RULES, 'ECR rules per replication configuration', 25, 10, false, ECR_REPLICATION_RULES_SRC, 'rules'),
  q(EcsQuota.ECR_REPLICATION_DESTINATIONS, 'ECR destinations per replication rule', 100, 25, false, ECR_REPLICATION_RULE_SRC, 'destinations'),
  q(EcsQuota.ECR_REPLICATION_FILTERS_PER_RULE, 'ECR filters per replication rule', 100, 100, false, ECR_REPLICATION_RULE_SRC, 'filters'),
  q(EcsQuota.ECR_PULL_THROUGH_CACHE_RULES, 'ECR pull-through cache rules per registry', 50, 50, false, ECR, 'rules'),
  // The services behind shared load balancers (ServiceFleet shards, host and path routing) meet these first.
  q(EcsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION, 'Application Load Balancers per Region', 50, 50, true, ALB, 'load balancers'),
  q(EcsQuota.LISTENERS_PER_APPLICATION_LOAD_BALANCER, 'Listeners per Application Load Balancer', 50, 50, true, ALB, 'listeners'),
  q(EcsQuota.RULES_PER_APPLICATION_LOAD_BALANCER, 'Rules per Application Load Balancer (not counting default rules)', 100, 100, true, ALB, 'rules'),
  q(EcsQuota.TARGET_GROUPS_PER_APPLICATION_LOAD_BALANCER, 'Target groups per Application Load Balancer', 100, 100, false, ALB, 'target groups'),
];

export function quotaDefinition(id: EcsQuota): QuotaDefinition {
  const def = QUOTA_TABLE.find((d) => d.id === id);
  if (!def) throw new Error(`Unknown quota id '${id}'; known: ${QUOTA_TABLE.map((d) => d.id).join(', ')}`);
  return def;
}
