import { ResourceRule } from '../rule';
import { EX02_EXEC_PLATFORM_VERSION } from './ex-02-exec-platform-version';
import { SC03_DISCOVERY_NAME } from './sc-03-discovery-name';
import { SC04_CLIENT_ALIAS } from './sc-04-client-alias';
import { SC06_TASK_MEMORY } from './sc-06-task-memory';
import { SV02_SINGLE_BASE } from './sv-02-single-base';
import { SV03_WEIGHT_BASE_RANGE } from './sv-03-weight-base-range';
import { SV04_NO_FARGATE_ASG_MIX } from './sv-04-no-fargate-asg-mix';
import { SV05_PROVIDER_ASSOCIATED } from './sv-05-provider-associated';
import { SV07_DAEMON_LIMITS } from './sv-07-daemon-limits';
import { SV08_MIN_BELOW_MAX } from './sv-08-min-below-max';
import { SV12_CODE_DEPLOY_LOAD_BALANCER } from './sv-12-code-deploy-load-balancer';
import { SV16_PLACEMENT } from './sv-16-placement';
import { SV17_AWSVPC_NETWORK_CONFIGURATION } from './sv-17-awsvpc-network-configuration';
import { SV18_NETWORK_CONFIGURATION_AWSVPC_ONLY } from './sv-18-network-configuration-awsvpc-only';
import { SV19_PUBLIC_IP_FARGATE_ONLY } from './sv-19-public-ip-fargate-only';
import { SV24_SERVICE_NAME } from './sv-24-service-name';

/** Service, Service Connect and ECS Exec rules, in id order. */
export const SERVICE_RULES: readonly ResourceRule[] = [
  EX02_EXEC_PLATFORM_VERSION,
  SC03_DISCOVERY_NAME,
  SC04_CLIENT_ALIAS,
  SC06_TASK_MEMORY,
  SV02_SINGLE_BASE,
  SV03_WEIGHT_BASE_RANGE,
  SV04_NO_FARGATE_ASG_MIX,
  SV05_PROVIDER_ASSOCIATED,
  SV07_DAEMON_LIMITS,
  SV08_MIN_BELOW_MAX,
  SV12_CODE_DEPLOY_LOAD_BALANCER,
  SV16_PLACEMENT,
  SV17_AWSVPC_NETWORK_CONFIGURATION,
  SV18_NETWORK_CONFIGURATION_AWSVPC_ONLY,
  SV19_PUBLIC_IP_FARGATE_ONLY,
  SV24_SERVICE_NAME,
];
