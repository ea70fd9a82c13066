/**
 * What a service or job was given, seen the same way whatever it is: the
 * kit's EcsCluster or any ecs.ICluster; a kit task (FargateTask, Ec2Task) or
 * a plain aws-cdk-lib task definition. Compatibility comes from what the
 * task definition declares.
 */
import { Annotations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { EcsCluster } from '../../cluster/ecs-cluster';
import { fail, severityOf } from '../../errors';
import { KitCluster } from '../../internal/cdk-internals';
import { loadedCopies } from '../../internal/kit-copies';
import { formatMessage } from '../../rules/engine';
import { Severity } from '../../rules/finding';
import { KIT_TASK, TaskBase } from '../../task/base/task-base';

/** A cluster as a service sees it. */
export interface ServiceCluster {
  /** What aws-cdk-lib's services get: the kit's inner ecs.Cluster, or the user's. */
  readonly cluster: ecs.ICluster;
  /** The kit cluster, when it is one. */
  readonly kit?: EcsCluster;
  /** A cluster defined in this app (ecs.Cluster), whose providers are visible. */
  readonly visible?: ecs.Cluster;
  readonly vpc: ec2.IVpc;
  readonly path: string;
}

/**
 * Makes `dependent` (a service or a schedule) wait for the cluster's capacity provider associations when created, and
 * go before them when deleted: ECS rejects a strategy naming a provider the cluster does not have yet
 * (containers-roadmap#631). aws-cdk-lib adds a plain cluster's associations in an aspect, as a child of the cluster,
 * so the dependency is on the cluster; an imported cluster has none in the app.
 */
export function dependOnCapacity(cluster: ServiceCluster, dependent: IConstruct): void {
  if (cluster.kit) cluster.kit.addCapacityDependency(dependent);
  else if (cluster.visible) dependent.node.addDependency(cluster.visible);
}

/** Resolve any ecs.ICluster; fails when an imported cluster has no VPC. */
export function resolveCluster(path: string, cluster: ecs.ICluster): ServiceCluster {
  const kit = kitClusterOf(cluster);
  const inner: ecs.ICluster = kit ? kit.cluster : cluster;
  let vpc: ec2.IVpc | undefined;
  try {
    vpc = inner.vpc;
  } catch {
    vpc = undefined;
  }
  if (!vpc) {
    fail({
      code: 'KIT-SERVICE-CLUSTER',
      path,
      problem: `cluster ${cluster.node.path} has no VPC (imported with fromClusterArn?)`,
      allowed: 'a cluster that knows its VPC',
      fix: 'Import the cluster with EcsCluster.fromClusterAttributes(scope, id, { clusterName, vpc }).',
    });
  }
  return {
    cluster: inner,
    kit,
    visible: ecs.Cluster.isCluster(inner) ? inner : undefined,
    vpc,
    path: (kit ?? cluster).node.path,
  };
}

function kitClusterOf(cluster: ecs.ICluster): EcsCluster | undefined {
  if (cluster instanceof EcsCluster) return cluster;
  if (cluster instanceof KitCluster && cluster.node.scope instanceof EcsCluster) return cluster.node.scope;
  return undefined;
}

/** A task as a service or job sees it. */
export interface ServiceTask {
  readonly taskDefinition: ecs.ITaskDefinition;
  /** The L2 task definition (services need its containers). */
  readonly l2?: ecs.TaskDefinition;
  /** The kit task, when it is one. */
  readonly kit?: TaskBase;
  readonly isFargate: boolean;
  /** Runs on a Managed Instances capacity provider. */
  readonly isManagedInstances: boolean;
  readonly networkMode: ecs.NetworkMode;
  /** Known CPU architecture (kit tasks, or a task definition with a runtime platform). */
  readonly cpuArchitecture?: ecs.CpuArchitecture;
  readonly path: string;
}

/** The props every service and job take to name their task. */
export interface TaskInput {
  readonly task?: TaskBase;
  readonly taskDefinition?: ecs.ITaskDefinition;
}

/**
 * Resolve the task: exactly one of task / taskDefinition. A task definition
 * compatible with both Fargate and EC2 runs on Fargate unless EC2 capacity is given.
 */
export function resolveTask(path: string, input: TaskInput, ec2CapacityGiven: boolean, miCapacityGiven = false): ServiceTask {
  if ((input.task === undefined) === (input.taskDefinition === undefined)) {
    fail({
      code: 'KIT-SERVICE-TASK',
      path,
      problem: input.task ? 'both task and taskDefinition are set' : 'neither task nor taskDefinition is set',
      allowed: 'task (a FargateTask or Ec2Task) or taskDefinition (any aws-cdk-lib task definition), exactly one',
      fix: 'Pass task: new FargateTask(...) or taskDefinition: yourTaskDefinition.',
    });
  }
  if (input.task) {
    const task = input.task as unknown;
    if (!(task instanceof TaskBase)) {
      const name = (task as IConstruct)?.node?.path ?? String(task);
      if (typeof task === 'object' && task !== null && KIT_TASK in task) {
        const copies = loadedCopies();
        fail({
          code: 'KIT-SERVICE-TASK',
          path,
          problem: `task ${name} is a kit task from another copy of cdk-ecs-kit (loaded from ${copies.length} places: ${copies.join(', ')}), `
            + 'which this service cannot use',
          allowed: 'a task of the same copy of cdk-ecs-kit as the service',
          fix: 'Install one copy: make cdk-ecs-kit, aws-cdk-lib and constructs peerDependencies of the package that creates the task, and '
            + 'import the kit from its package root (\'cdk-ecs-kit\', not \'cdk-ecs-kit/lib/...\').',
        });
      }
      fail({
        code: 'KIT-SERVICE-TASK',
        path,
        problem: `task ${name} is not a FargateTask or Ec2Task`,
        allowed: 'task: a kit task; taskDefinition: an aws-cdk-lib task definition (TaskDefinitionJson: its .taskDefinition)',
        fix: 'Pass it as taskDefinition (for TaskDefinitionJson, pass json.taskDefinition).',
      });
    }
    const kit = task as TaskBase;
    return {
      taskDefinition: kit.taskDefinition,
      l2: kit.taskDefinition,
      kit,
      isFargate: kit.isFargate,
      isManagedInstances: kit.isManagedInstances,
      networkMode: kit.networkMode,
      cpuArchitecture: kit.cpuArchitecture,
      path: kit.node.path,
    };
  }
  const td = input.taskDefinition!;
  const fargate = td.isFargateCompatible;
  const onEc2 = td.isEc2Compatible;
  const onMi = td.isManagedInstancesCompatible;
  if (!fargate && !onEc2 && !onMi) {
    fail({
      code: 'KIT-SERVICE-TASK',
      path,
      problem: `task definition ${td.node.path} is compatible with neither FARGATE, EC2 nor MANAGED_INSTANCES (compatibility ${ecs.Compatibility[td.compatibility]})`,
      allowed: 'compatibility FARGATE, EC2, MANAGED_INSTANCES or a combination',
      fix: 'Register the task definition for Fargate, EC2 or Managed Instances (requiresCompatibilities).',
    });
  }
  const l2 = td instanceof ecs.TaskDefinition ? td : undefined;
  // Managed Instances when only it fits, or when its capacity is given.
  const isManagedInstances = onMi && (miCapacityGiven || (!fargate && !onEc2));
  return {
    taskDefinition: td,
    l2,
    isManagedInstances,
    isFargate: !isManagedInstances && fargate && !(onEc2 && ec2CapacityGiven),
    networkMode: networkModeOf(td),
    cpuArchitecture: l2?.runtimePlatform?.cpuArchitecture,
    path: td.node.path,
  };
}

function networkModeOf(td: ecs.ITaskDefinition): ecs.NetworkMode {
  try {
    return td.networkMode;
  } catch {
    return ecs.NetworkMode.BRIDGE; // ECS's default for EC2 task definitions
  }
}

/** The L2 task definition, or a precise error for an imported one. */
export function requireL2(path: string, task: ServiceTask, what: string): ecs.TaskDefinition {
  if (task.l2) return task.l2;
  return fail({
    code: 'KIT-SERVICE-TASK',
    path,
    problem: `task definition ${task.path} is imported, and ${what} needs its containers`,
    allowed: 'a task definition defined in this app (FargateTask, Ec2Task, ecs.TaskDefinition); an imported one only in ScheduledJob',
    fix: 'Define the task definition in the app (TaskDefinitionJson output can run as a ScheduledJob).',
  });
}

/** Report a warning the kit cannot check; acknowledgeable by id. */
export function warnUnseen(scope: Construct, id: string, problem: string, allowed: string, fix: string): void {
  if (severityOf(id) !== Severity.WARNING) throw new Error(`'${id}' is not a warning in src/kit-checks.ts`);
  Annotations.of(scope).addWarningV2(id, formatMessage(id, scope.node.path, { problem, allowed, fix }));
}

/**
 * ecs:RunTask on exactly this task definition, and iam:PassRole on its roles
 * for ecs-tasks.amazonaws.com, in a managed policy attached to `role`.
 */
export function runTaskPolicy(scope: Construct, id: string, task: ServiceTask, role: iam.IRole): iam.ManagedPolicy {
  if (task.kit) return task.kit.runTaskPolicy(role);
  const roles = [task.taskDefinition.executionRole, taskRoleOf(task.taskDefinition)].filter((r): r is iam.IRole => r !== undefined);
  return new iam.ManagedPolicy(scope, id, {
    description: `Run ${task.path}`,
    roles: [role],
    statements: [
      new iam.PolicyStatement({ actions: ['ecs:RunTask'], resources: [task.taskDefinition.taskDefinitionArn] }),
      ...roles.length ? [new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: roles.map((r) => r.roleArn),
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      })] : [],
    ],
  });
}

/** The main container: the kit task's, or the task definition's default (first essential) container. */
export function mainContainerOf(path: string, task: ServiceTask): ecs.ContainerDefinition {
  const main = task.kit?.defaultContainer ?? task.l2?.defaultContainer;
  if (!main) {
    fail({
      code: 'KIT-SERVICE-TASK',
      path,
      problem: `task definition ${task.path} has no essential container`,
      allowed: 'a task definition with at least one essential container',
      fix: 'Add a container (essential by default) before creating the service.',
    });
  }
  return main;
}

/** The task role, or undefined for an imported task definition without one (its getter throws). */
function taskRoleOf(td: ecs.ITaskDefinition): iam.IRole | undefined {
  try {
    return td.taskRole;
  } catch {
    return undefined;
  }
}
