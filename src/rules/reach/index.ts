/**
 * Reach rules: deployments that CloudFormation accepts but ECS never
 * finishes (tasks that cannot pull, targets that never turn healthy), and
 * create-time rejections that involve two or more resources. Each fires only
 * when the failure is certain from the templates of the assembly.
 */
import { RC01_IMAGE_PULL_PATH } from './rc-01-image-pull-path';
import { RC02_EXECUTION_ROLE_REQUIRED } from './rc-02-execution-role-required';
import { RC03_EXECUTION_ROLE_REACH } from './rc-03-execution-role-reach';
import { Rule } from '../rule';
import { RC04_LOAD_BALANCER_INGRESS } from './rc-04-load-balancer-ingress';
import { RC05_TARGET_GROUP_AGREES_WITH_TASK } from './rc-05-target-group-agrees-with-task';
import { RC06_TARGET_GROUP_LISTENER } from './rc-06-target-group-listener';
import { RC07_DUPLICATE_LISTENER_PORT } from './rc-07-duplicate-listener-port';
import { RC08_LOAD_BALANCER_PLACEMENT } from './rc-08-load-balancer-placement';
import { RC09_CONTAINER_INSTANCE_REACH } from './rc-09-container-instance-reach';
import { RC10_TASK_FITS_INSTANCES } from './rc-10-task-fits-instances';
import { RC11_LISTENER_INGRESS } from './rc-11-listener-ingress';
import { RC12_LOAD_BALANCER_EGRESS } from './rc-12-load-balancer-egress';
import { RC13_EFS_MOUNT_REACH } from './rc-13-efs-mount-reach';
import { RC14_SHADOWED_LISTENER_RULE } from './rc-14-shadowed-listener-rule';
import { RC15_QUEUE_REACH } from './rc-15-queue-reach';
import { RC16_TASK_HTTPS_EGRESS } from './rc-16-task-https-egress';
import { RC17_SERVICE_CONNECT_INGRESS } from './rc-17-service-connect-ingress';
import { RC18_LOG_GROUP_KEY_POLICY } from './rc-18-log-group-key-policy';
import { RC19_SECRET_NAME_GRANT } from './rc-19-secret-name-grant';
import { RC20_DAEMON_HOST_PORTS } from './rc-20-daemon-host-ports';
import { RC21_SAME_REGION_ARNS } from './rc-21-same-region-arns';
import { RC22_ONE_TASK_PER_INSTANCE } from './rc-22-one-task-per-instance';
import { RC23_INSTANCE_LOAD_BALANCER_INGRESS } from './rc-23-instance-load-balancer-ingress';
import { RC24_TARGET_GROUP_ATTRIBUTES } from './rc-24-target-group-attributes';
import { RC25_HEALTH_CHECK_MATCHER } from './rc-25-health-check-matcher';
import { RC26_PULL_THROUGH_CACHE_IMPORT } from './rc-26-pull-through-cache-import';
import { RC27_SCHEDULED_TASK_PASS_ROLE } from './rc-27-scheduled-task-pass-role';

export const REACH_RULES: readonly Rule[] = [
  RC01_IMAGE_PULL_PATH,
  RC02_EXECUTION_ROLE_REQUIRED,
  RC03_EXECUTION_ROLE_REACH,
  RC09_CONTAINER_INSTANCE_REACH,
  RC10_TASK_FITS_INSTANCES,
  RC13_EFS_MOUNT_REACH,
  RC15_QUEUE_REACH,
  RC16_TASK_HTTPS_EGRESS,
  RC17_SERVICE_CONNECT_INGRESS,
  RC18_LOG_GROUP_KEY_POLICY,
  RC19_SECRET_NAME_GRANT,
  RC20_DAEMON_HOST_PORTS,
  RC21_SAME_REGION_ARNS,
  RC22_ONE_TASK_PER_INSTANCE,
  RC26_PULL_THROUGH_CACHE_IMPORT,
  RC27_SCHEDULED_TASK_PASS_ROLE,
  // Load balancing (ECS-RC-04..08, ECS-RC-11, ECS-RC-12, ECS-RC-14, ECS-RC-23..25).
  RC04_LOAD_BALANCER_INGRESS,
  RC05_TARGET_GROUP_AGREES_WITH_TASK,
  RC06_TARGET_GROUP_LISTENER,
  RC07_DUPLICATE_LISTENER_PORT,
  RC08_LOAD_BALANCER_PLACEMENT,
  RC11_LISTENER_INGRESS,
  RC12_LOAD_BALANCER_EGRESS,
  RC14_SHADOWED_LISTENER_RULE,
  RC23_INSTANCE_LOAD_BALANCER_INGRESS,
  RC24_TARGET_GROUP_ATTRIBUTES,
  RC25_HEALTH_CHECK_MATCHER,
];
