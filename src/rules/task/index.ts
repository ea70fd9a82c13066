import { ResourceRule } from '../rule';
import { TD01_FARGATE_LINUX_SIZE } from './td-01-fargate-linux-size';
import { TD02_FARGATE_WINDOWS_SIZE } from './td-02-fargate-windows-size';
import { TD03_LARGE_FARGATE_PLATFORM_VERSION } from './td-03-large-fargate-platform-version';
import { TD04_FARGATE_TASK_SIZE_REQUIRED } from './td-04-fargate-task-size-required';
import { TD05_EC2_CONTAINER_MEMORY } from './td-05-ec2-container-memory';
import { TD06_FARGATE_EPHEMERAL_STORAGE } from './td-06-fargate-ephemeral-storage';
import { TD07_FARGATE_AWSVPC } from './td-07-fargate-awsvpc';
import { TD08_EXTERNAL_MANAGED_NETWORK_MODE } from './td-08-external-managed-network-mode';
import { TD09_PROXY_AWSVPC } from './td-09-proxy-awsvpc';
import { TD10_FARGATE_PLACEMENT_CONSTRAINTS } from './td-10-fargate-placement-constraints';
import { TD11_PLACEMENT_CONSTRAINTS_COUNT } from './td-11-placement-constraints-count';
import { TD12_INFERENCE_ACCELERATORS } from './td-12-fargate-inference-accelerators';
import { TD14_FARGATE_WINDOWS_X86 } from './td-14-fargate-windows-x86';
import { TD15_FARGATE_PID_MODE } from './td-15-fargate-pid-mode';
import { TD16_FARGATE_IPC_MODE } from './td-16-fargate-ipc-mode';
import { TD17_CONTAINER_CPU_SUM } from './td-17-container-cpu-sum';
import { TD18_CONTAINER_MEMORY_FITS_TASK } from './td-18-container-memory-fits-task';
import { TD21_ESSENTIAL_CONTAINER } from './td-21-essential-container';
import { TD22_FAMILY_NAME } from './td-22-family-name';
import { TD23_FARGATE_VOLUMES } from './td-23-fargate-volumes';
import { TD24_CONFIGURED_AT_LAUNCH_VOLUME } from './td-24-configured-at-launch-volume';
import { TD25_FAULT_INJECTION_NETWORK_MODE } from './td-25-fault-injection-network-mode';
import { TD26_MANAGED_INSTANCES_LIMITS } from './td-26-managed-instances-limits';
import { TD28_EFS_TRANSIT_ENCRYPTION } from './td-28-efs-transit-encryption';
import { TD29_EC2_TASK_CPU_RANGE } from './td-29-ec2-task-cpu-range';
import { TD30_EFS_ACCESS_POINT_ROOT } from './td-30-efs-access-point-root';
import { TD31_EFS_LINUX_ONLY } from './td-31-efs-linux-only';
import { TD32_VOLUME_PLATFORM } from './td-32-volume-platform';

/** Task definition rules, in id order. */
export const TASK_RULES: readonly ResourceRule[] = [
  TD01_FARGATE_LINUX_SIZE,
  TD02_FARGATE_WINDOWS_SIZE,
  TD03_LARGE_FARGATE_PLATFORM_VERSION,
  TD04_FARGATE_TASK_SIZE_REQUIRED,
  TD05_EC2_CONTAINER_MEMORY,
  TD06_FARGATE_EPHEMERAL_STORAGE,
  TD07_FARGATE_AWSVPC,
  TD08_EXTERNAL_MANAGED_NETWORK_MODE,
  TD09_PROXY_AWSVPC,
  TD10_FARGATE_PLACEMENT_CONSTRAINTS,
  TD11_PLACEMENT_CONSTRAINTS_COUNT,
  TD12_INFERENCE_ACCELERATORS,
  TD14_FARGATE_WINDOWS_X86,
  TD15_FARGATE_PID_MODE,
  TD16_FARGATE_IPC_MODE,
  TD17_CONTAINER_CPU_SUM,
  TD18_CONTAINER_MEMORY_FITS_TASK,
  TD21_ESSENTIAL_CONTAINER,
  TD22_FAMILY_NAME,
  TD23_FARGATE_VOLUMES,
  TD24_CONFIGURED_AT_LAUNCH_VOLUME,
  TD25_FAULT_INJECTION_NETWORK_MODE,
  TD26_MANAGED_INSTANCES_LIMITS,
  TD28_EFS_TRANSIT_ENCRYPTION,
  TD29_EC2_TASK_CPU_RANGE,
  TD30_EFS_ACCESS_POINT_ROOT,
  TD31_EFS_LINUX_ONLY,
  TD32_VOLUME_PLATFORM,
];
