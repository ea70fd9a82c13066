import { CP07_PROVIDERS_PER_CLUSTER } from './cp-07-providers-per-cluster';
import { QT01_CLUSTERS_PER_REGION } from './qt-01-clusters-per-region';
import { QT02_SERVICES_PER_CLUSTER } from './qt-02-services-per-cluster';
import { QT03_CONTAINER_INSTANCES_PER_CLUSTER } from './qt-03-container-instances-per-cluster';
import { QT04_FARGATE_ON_DEMAND_VCPU } from './qt-04-fargate-on-demand-vcpu';
import { QT05_FARGATE_SPOT_VCPU } from './qt-05-fargate-spot-vcpu';
import { QT06_RESOURCES_PER_STACK } from './qt-06-resources-per-stack';
import { QT07_TEMPLATE_SIZE } from './qt-07-template-size';
import { QT08_RESOURCES_PER_STACK_NEAR_LIMIT } from './qt-08-resources-per-stack-near-limit';
import { QT09_LOAD_BALANCERS_PER_REGION } from './qt-09-load-balancers-per-region';
import { QT10_LOAD_BALANCER_RULES_AND_TARGET_GROUPS } from './qt-10-load-balancer-rules-and-target-groups';
import { SC07_TASKS_WITH_SERVICE_DISCOVERY } from './sc-07-tasks-with-service-discovery';
import { SV06_PROVIDERS_PER_STRATEGY } from './sv-06-providers-per-strategy';
import { SV20_AWSVPC_SUBNETS_SECURITY_GROUPS } from './sv-20-awsvpc-subnets-security-groups';
import { SV21_LOAD_BALANCERS_PER_SERVICE } from './sv-21-load-balancers-per-service';
import { SV25_TASKS_PER_SERVICE } from './sv-25-tasks-per-service';
import { TD19_CONTAINERS_PER_TASK_DEFINITION } from './td-19-containers-per-task-definition';
import { TD20_TASK_DEFINITION_SIZE } from './td-20-task-definition-size';
import { TD27_TAGS_PER_RESOURCE } from './td-27-tags-per-resource';
import { UsageRule } from './usage-rule';

/** App-wide quota checks and per-resource quota counts, in id order. */
export const QUOTA_RULES: readonly UsageRule[] = [
  CP07_PROVIDERS_PER_CLUSTER,
  QT01_CLUSTERS_PER_REGION,
  QT02_SERVICES_PER_CLUSTER,
  QT03_CONTAINER_INSTANCES_PER_CLUSTER,
  QT04_FARGATE_ON_DEMAND_VCPU,
  QT05_FARGATE_SPOT_VCPU,
  QT06_RESOURCES_PER_STACK,
  QT07_TEMPLATE_SIZE,
  QT08_RESOURCES_PER_STACK_NEAR_LIMIT,
  QT09_LOAD_BALANCERS_PER_REGION,
  QT10_LOAD_BALANCER_RULES_AND_TARGET_GROUPS,
  SC07_TASKS_WITH_SERVICE_DISCOVERY,
  SV06_PROVIDERS_PER_STRATEGY,
  SV20_AWSVPC_SUBNETS_SECURITY_GROUPS,
  SV21_LOAD_BALANCERS_PER_SERVICE,
  SV25_TASKS_PER_SERVICE,
  TD19_CONTAINERS_PER_TASK_DEFINITION,
  TD20_TASK_DEFINITION_SIZE,
  TD27_TAGS_PER_RESOURCE,
];
