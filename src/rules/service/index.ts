import { ResourceRule } from '../rule';
import { DP01_STRATEGY_CONTROLLER } from './dp-01-strategy-controller';
import { DP02_STRATEGY_DAEMON } from './dp-02-strategy-daemon';
import { DP03_STEPPED_NEEDS_TRAFFIC_ROUTING } from './dp-03-stepped-needs-traffic-routing';
import { DP04_ADVANCED_CONFIGURATION } from './dp-04-advanced-configuration';
import { DP05_ALTERNATE_TARGET_GROUP } from './dp-05-alternate-target-group';
import { DP06_LIFECYCLE_HOOKS } from './dp-06-lifecycle-hooks';
import { DP07_LISTENER_RULE_FORWARD_ONLY } from './dp-07-listener-rule-forward-only';
import { EX02_EXEC_PLATFORM_VERSION } from './ex-02-exec-platform-version';
import { JB01_SCHEDULE_EXPRESSION } from './jb-01-schedule-expression';
import { JB02_RATE_UNIT } from './jb-02-rate-unit';
import { JB03_SCHEDULE_TARGET_RANGES } from './jb-03-schedule-target-ranges';
import { JB04_SCHEDULED_NETWORK_CONFIGURATION } from './jb-04-scheduled-network-configuration';
import { LT01_LATTICE_FIELDS } from './lt-01-lattice-fields';
import { LT02_LATTICE_PORT_NAME } from './lt-02-lattice-port-name';
import { LT03_LATTICE_TARGET_GROUPS } from './lt-03-lattice-target-groups';
import { MI01_NO_PROVIDER_MIX } from './mi-01-no-provider-mix';
import { MI02_TASK_COMPATIBILITY } from './mi-02-task-compatibility';
import { MI06_NO_PUBLIC_IP } from './mi-06-no-public-ip';
import { SC01_NAMESPACE } from './sc-01-namespace';
import { SC02_PORT_NAME } from './sc-02-port-name';
import { SC03_DISCOVERY_NAME } from './sc-03-discovery-name';
import { SC04_CLIENT_ALIAS } from './sc-04-client-alias';
import { SC05_ONE_CLIENT_ALIAS } from './sc-05-one-client-alias';
import { SC06_TASK_MEMORY } from './sc-06-task-memory';
import { SC08_TLS_TIMEOUTS } from './sc-08-tls-timeouts';
import { SC09_ACCESS_LOG_NEEDS_LOG_DRIVER } from './sc-09-access-log-needs-log-driver';
import { SC10_TLS_AUTHORITY_REQUIRED } from './sc-10-tls-authority-required';
import { SC11_TLS_ROLE_AND_KEY } from './sc-11-tls-role-and-key';
import { SC12_ACCESS_LOG_FORMAT } from './sc-12-access-log-format';
import { SC13_LINUX_ONLY } from './sc-13-linux-only';
import { SC14_UNIQUE_NAMES_IN_NAMESPACE } from './sc-14-unique-names-in-namespace';
import { SC15_ECS_CONTROLLER } from './sc-15-ecs-controller';
import { SV01_LAUNCH_TYPE_OR_STRATEGY } from './sv-01-launch-type-or-strategy';
import { SV02_SINGLE_BASE } from './sv-02-single-base';
import { SV03_WEIGHT_BASE_RANGE } from './sv-03-weight-base-range';
import { SV04_NO_FARGATE_ASG_MIX } from './sv-04-no-fargate-asg-mix';
import { SV05_PROVIDER_ASSOCIATED } from './sv-05-provider-associated';
import { SV07_DAEMON_LIMITS } from './sv-07-daemon-limits';
import { SV08_MIN_BELOW_MAX } from './sv-08-min-below-max';
import { SV09_CIRCUIT_BREAKER_CONTROLLER } from './sv-09-circuit-breaker-controller';
import { SV10_DEPLOYMENT_ALARMS } from './sv-10-deployment-alarms';
import { SV12_CODE_DEPLOY_LOAD_BALANCER } from './sv-12-code-deploy-load-balancer';
import { SV13_EXTERNAL_CONTROLLER } from './sv-13-external-controller';
import { SV14_LINEAR_CANARY } from './sv-14-linear-canary';
import { SV15_LIFECYCLE_HOOKS_FORCE_DEPLOY } from './sv-15-lifecycle-hooks-force-deploy';
import { SV16_PLACEMENT } from './sv-16-placement';
import { SV17_AWSVPC_NETWORK_CONFIGURATION } from './sv-17-awsvpc-network-configuration';
import { SV18_NETWORK_CONFIGURATION_AWSVPC_ONLY } from './sv-18-network-configuration-awsvpc-only';
import { SV19_PUBLIC_IP_FARGATE_ONLY } from './sv-19-public-ip-fargate-only';
import { SV23_SERVICE_REGISTRIES } from './sv-23-service-registries';
import { SV24_SERVICE_NAME } from './sv-24-service-name';
import { SV26_AZ_REBALANCING } from './sv-26-az-rebalancing';
import { SV27_EBS_VOLUME_CONFIGURATION } from './sv-27-ebs-volume-configuration';
import { SV28_SECRET_JSON_KEY_PLATFORM } from './sv-28-secret-json-key-platform';
import { SV29_EXTERNAL_SERVICE } from './sv-29-external-service';
import { SV31_PUBLIC_SUBNET_NO_PUBLIC_IP } from './sv-31-public-subnet-no-public-ip';
import { SV32_WINDOWS_FARGATE_SPOT } from './sv-32-windows-fargate-spot';
import { SV33_TARGET_GROUP_HEALTH_CHECK_PATH } from './sv-33-target-group-health-check-path';
import { SV34_LISTENER_RULE_CONDITIONS } from './sv-34-listener-rule-conditions';
import { SV35_LISTENER_TLS_POLICY } from './sv-35-listener-tls-policy';
import { SV36_PLACEMENT_FIELDS } from './sv-36-placement-fields';
import { SV37_STEP_ADJUSTMENTS } from './sv-37-step-adjustments';
import { SV38_ONE_VPC } from './sv-38-one-vpc';
import { SV39_HOST_HEADER_VALUES } from './sv-39-host-header-values';
import { SV40_PLATFORM_VERSION_FARGATE_ONLY } from './sv-40-platform-version-fargate-only';
import { SV41_SCALABLE_TARGET_RANGE } from './sv-41-scalable-target-range';
import { SV42_WINDOWS_FARGATE_PLATFORM_VERSION } from './sv-42-windows-fargate-platform-version';
import { XM01_TASK_SIZE } from './xm-01-task-size';
import { XM02_CONTAINER_PORT } from './xm-02-container-port';
import { XM03_HEALTH_CHECK_PATH } from './xm-03-health-check-path';
import { XM04_TASK_COUNT } from './xm-04-task-count';
import { XM05_SCALING_METRIC } from './xm-05-scaling-metric';
import { XM06_SERVICE_NAME } from './xm-06-service-name';
import { XM07_IMAGE_REQUIRED } from './xm-07-image-required';
import { XM08_TASK_DEFINITION_EXCLUSIVE } from './xm-08-task-definition-exclusive';
import { XM09_ROLES } from './xm-09-roles';
import { XM10_LOGS_AND_TAGS } from './xm-10-logs-and-tags';

/** Service, scheduled job, Service Connect, ECS Exec, VPC Lattice and Express Mode rules, in id order. */
export const SERVICE_RULES: readonly ResourceRule[] = [
  DP01_STRATEGY_CONTROLLER,
  DP02_STRATEGY_DAEMON,
  DP03_STEPPED_NEEDS_TRAFFIC_ROUTING,
  DP04_ADVANCED_CONFIGURATION,
  DP05_ALTERNATE_TARGET_GROUP,
  DP06_LIFECYCLE_HOOKS,
  DP07_LISTENER_RULE_FORWARD_ONLY,
  EX02_EXEC_PLATFORM_VERSION,
  JB01_SCHEDULE_EXPRESSION,
  JB02_RATE_UNIT,
  JB03_SCHEDULE_TARGET_RANGES,
  JB04_SCHEDULED_NETWORK_CONFIGURATION,
  LT01_LATTICE_FIELDS,
  LT02_LATTICE_PORT_NAME,
  LT03_LATTICE_TARGET_GROUPS,
  SC01_NAMESPACE,
  SC02_PORT_NAME,
  SC03_DISCOVERY_NAME,
  SC04_CLIENT_ALIAS,
  SC05_ONE_CLIENT_ALIAS,
  SC06_TASK_MEMORY,
  SC08_TLS_TIMEOUTS,
  SC09_ACCESS_LOG_NEEDS_LOG_DRIVER,
  SC10_TLS_AUTHORITY_REQUIRED,
  SC11_TLS_ROLE_AND_KEY,
  SC12_ACCESS_LOG_FORMAT,
  SC13_LINUX_ONLY,
  SC14_UNIQUE_NAMES_IN_NAMESPACE,
  SC15_ECS_CONTROLLER,
  SV01_LAUNCH_TYPE_OR_STRATEGY,
  SV02_SINGLE_BASE,
  SV03_WEIGHT_BASE_RANGE,
  SV04_NO_FARGATE_ASG_MIX,
  SV05_PROVIDER_ASSOCIATED,
  SV07_DAEMON_LIMITS,
  SV08_MIN_BELOW_MAX,
  SV09_CIRCUIT_BREAKER_CONTROLLER,
  SV10_DEPLOYMENT_ALARMS,
  SV12_CODE_DEPLOY_LOAD_BALANCER,
  SV13_EXTERNAL_CONTROLLER,
  SV14_LINEAR_CANARY,
  SV15_LIFECYCLE_HOOKS_FORCE_DEPLOY,
  SV16_PLACEMENT,
  SV17_AWSVPC_NETWORK_CONFIGURATION,
  SV18_NETWORK_CONFIGURATION_AWSVPC_ONLY,
  SV19_PUBLIC_IP_FARGATE_ONLY,
  SV23_SERVICE_REGISTRIES,
  SV24_SERVICE_NAME,
  SV26_AZ_REBALANCING,
  SV27_EBS_VOLUME_CONFIGURATION,
  SV28_SECRET_JSON_KEY_PLATFORM,
  SV29_EXTERNAL_SERVICE,
  SV31_PUBLIC_SUBNET_NO_PUBLIC_IP,
  SV32_WINDOWS_FARGATE_SPOT,
  SV33_TARGET_GROUP_HEALTH_CHECK_PATH,
  SV34_LISTENER_RULE_CONDITIONS,
  SV35_LISTENER_TLS_POLICY,
  SV36_PLACEMENT_FIELDS,
  SV37_STEP_ADJUSTMENTS,
  SV38_ONE_VPC,
  SV39_HOST_HEADER_VALUES,
  SV40_PLATFORM_VERSION_FARGATE_ONLY,
  SV41_SCALABLE_TARGET_RANGE,
  SV42_WINDOWS_FARGATE_PLATFORM_VERSION,
  MI01_NO_PROVIDER_MIX,
  MI02_TASK_COMPATIBILITY,
  MI06_NO_PUBLIC_IP,
  XM01_TASK_SIZE,
  XM02_CONTAINER_PORT,
  XM03_HEALTH_CHECK_PATH,
  XM04_TASK_COUNT,
  XM05_SCALING_METRIC,
  XM06_SERVICE_NAME,
  XM07_IMAGE_REQUIRED,
  XM08_TASK_DEFINITION_EXCLUSIVE,
  XM09_ROLES,
  XM10_LOGS_AND_TAGS,
];
