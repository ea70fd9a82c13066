import { ResourceRule } from '../rule';
import { CT01_CONTAINER_NAME } from './ct-01-container-name';
import { CT02_MEMORY_BELOW_RESERVATION } from './ct-02-memory-below-reservation';
import { CT03_MINIMUM_CONTAINER_MEMORY } from './ct-03-minimum-container-memory';
import { CT04_WINDOWS_MEMORY_RESERVATION } from './ct-04-windows-memory-reservation';
import { CT05_HEALTH_CHECK_INTERVAL } from './ct-05-health-check-interval';
import { CT06_HEALTH_CHECK_TIMEOUT } from './ct-06-health-check-timeout';
import { CT07_HEALTH_CHECK_RETRIES } from './ct-07-health-check-retries';
import { CT08_HEALTH_CHECK_START_PERIOD } from './ct-08-health-check-start-period';
import { CT09_HEALTH_CHECK_COMMAND } from './ct-09-health-check-command';
import { CT11_COMPLETE_ON_ESSENTIAL } from './ct-11-complete-on-essential';
import { CT12_HEALTHY_NEEDS_HEALTH_CHECK } from './ct-12-healthy-needs-health-check';
import { CT13_DEPENDENCY_GRAPH } from './ct-13-dependency-graph';
import { CT14_LINKS_BRIDGE_ONLY } from './ct-14-links-bridge-only';
import { CT15_FARGATE_CONTAINER_PARAMETERS } from './ct-15-fargate-container-parameters';
import { CT16_FARGATE_LINUX_PARAMETERS } from './ct-16-fargate-linux-parameters';
import { CT17_FARGATE_LOG_DRIVER } from './ct-17-fargate-log-driver';
import { CT18_FARGATE_ULIMITS } from './ct-18-fargate-ulimits';
import { CT19_RESTART_POLICY } from './ct-19-restart-policy';
import { CT20_ONE_CREDENTIAL_SPEC } from './ct-20-one-credential-spec';
import { CT21_ONE_FIRELENS_ROUTER } from './ct-21-one-firelens-router';
import { CT22_EXEC_READONLY_ROOT } from './ct-22-exec-readonly-root';
import { CT23_SECRET_IN_ENVIRONMENT } from './ct-23-secret-in-environment';
import { CT24_MEMORY_EQUALS_RESERVATION } from './ct-24-memory-equals-reservation';
import { CT25_AWSLOGS_OPTIONS } from './ct-25-awslogs-options';
import { CT26_EFS_ROOT_NON_ROOT_USER } from './ct-26-efs-root-non-root-user';
import { CT27_FIRELENS_NEEDS_ROUTER } from './ct-27-firelens-needs-router';
import { CT28_HOSTNAME_AWSVPC } from './ct-28-hostname-awsvpc';
import { CT29_FARGATE_STOP_TIMEOUT } from './ct-29-fargate-stop-timeout';
import { CT30_MOUNT_POINT_VOLUME } from './ct-30-mount-point-volume';
import { CT31_IMAGE_REQUIRED } from './ct-31-image-required';
import { CT32_SECRET_VALUE_FROM } from './ct-32-secret-value-from';
import { CT33_WINDOWS_CONTAINER_PARAMETERS } from './ct-33-windows-container-parameters';
import { CT34_ENVIRONMENT_FILES } from './ct-34-environment-files';
import { CT35_ECR_IMAGE_REPOSITORY_NAME } from './ct-35-ecr-image-repository-name';
import { CT36_WINDOWS_FIRELENS } from './ct-36-windows-firelens';
import { CT37_WINDOWS_LINUX_PARAMETERS } from './ct-37-windows-linux-parameters';

/** Container definition rules, in id order. */
export const CONTAINER_RULES: readonly ResourceRule[] = [
  CT01_CONTAINER_NAME,
  CT02_MEMORY_BELOW_RESERVATION,
  CT03_MINIMUM_CONTAINER_MEMORY,
  CT04_WINDOWS_MEMORY_RESERVATION,
  CT05_HEALTH_CHECK_INTERVAL,
  CT06_HEALTH_CHECK_TIMEOUT,
  CT07_HEALTH_CHECK_RETRIES,
  CT08_HEALTH_CHECK_START_PERIOD,
  CT09_HEALTH_CHECK_COMMAND,
  CT11_COMPLETE_ON_ESSENTIAL,
  CT12_HEALTHY_NEEDS_HEALTH_CHECK,
  CT13_DEPENDENCY_GRAPH,
  CT14_LINKS_BRIDGE_ONLY,
  CT15_FARGATE_CONTAINER_PARAMETERS,
  CT16_FARGATE_LINUX_PARAMETERS,
  CT17_FARGATE_LOG_DRIVER,
  CT18_FARGATE_ULIMITS,
  CT19_RESTART_POLICY,
  CT20_ONE_CREDENTIAL_SPEC,
  CT21_ONE_FIRELENS_ROUTER,
  CT22_EXEC_READONLY_ROOT,
  CT23_SECRET_IN_ENVIRONMENT,
  CT24_MEMORY_EQUALS_RESERVATION,
  CT25_AWSLOGS_OPTIONS,
  CT26_EFS_ROOT_NON_ROOT_USER,
  CT27_FIRELENS_NEEDS_ROUTER,
  CT28_HOSTNAME_AWSVPC,
  CT29_FARGATE_STOP_TIMEOUT,
  CT30_MOUNT_POINT_VOLUME,
  CT31_IMAGE_REQUIRED,
  CT32_SECRET_VALUE_FROM,
  CT33_WINDOWS_CONTAINER_PARAMETERS,
  CT34_ENVIRONMENT_FILES,
  CT35_ECR_IMAGE_REPOSITORY_NAME,
  CT36_WINDOWS_FIRELENS,
  CT37_WINDOWS_LINUX_PARAMETERS,
];
