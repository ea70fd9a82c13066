import { ArnFormat, Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { fail } from '../errors';
import { isDeployTimeValue } from '../internal/synth-values';
import { KIT_CHECKS } from '../kit-checks';
import { deadLetterQueue, queueKey } from './base/encrypted-queue';
import { checkRanges, FargateCapacity, resolveCapacity } from './base/service-capacity';
import { checkPublicSubnets, privateSubnets } from './base/service-checks';
import { dependOnCapacity, resolveCluster, resolveTask, runTaskPolicy } from './base/service-inputs';
import { Ec2Capacity } from '../capacity/ec2-capacity';
import { acknowledgeRenderedWildcards } from '../internal/nag-acknowledgements';
import { validateWithRules } from '../plugin/resource-validation';
import { formatMessage } from '../rules/engine';
import { TaskBase } from '../task/base/task-base';

/** Props of a ScheduledJob. */
export interface ScheduledJobProps {
  /** Cluster the task runs in: an EcsCluster, an ecs.Cluster, or an imported one. */
  readonly cluster: ecs.ICluster;
  /**
   * Task to run on each schedule (FargateTask or Ec2Task). Set this or taskDefinition.
   * @default - none; taskDefinition is required then
   */
  readonly task?: TaskBase;
  /**
   * Any aws-cdk-lib task definition, including an imported one or
   * TaskDefinitionJson's `taskDefinition`. Fargate or EC2 comes from its compatibility.
   * @default - none; task is required then
   */
  readonly taskDefinition?: ecs.ITaskDefinition;
  /** When to run: ScheduleExpression.cron(...) or .rate(...). */
  readonly schedule: scheduler.ScheduleExpression;
  /** EC2 capacity for an Ec2Task. @default - the cluster's only Ec2Capacity */
  readonly capacity?: Ec2Capacity;
  /** Fargate capacity for a FargateTask. @default FargateCapacity.onDemand() */
  readonly fargateCapacity?: FargateCapacity;
  /** Tasks started per run (1-10). @default 1 */
  readonly taskCount?: number;
  /** Retries of a failed RunTask call (0-185). @default 3 */
  readonly maxRetryAttempts?: number;
  /** How long an invocation may be retried (60 s - 24 h). @default Duration.hours(1) */
  readonly maxEventAge?: Duration;
  /**
   * Let EventBridge Scheduler start each run at any time within this window after the scheduled time (1 minute to 24
   * hours, in whole minutes), spreading the load of many jobs on one schedule. It does not stop runs from overlapping.
   * @default - no window: each run starts at the scheduled time (FlexibleTimeWindow OFF)
   */
  readonly flexibleTimeWindow?: Duration;
  /** Queue for invocations that failed every retry. @default - a new KMS-encrypted queue */
  readonly deadLetterQueue?: sqs.IQueue;
  /** Key of the new dead-letter queue. @default - a new key with rotation */
  readonly deadLetterQueueKey?: kms.IKey;
  /** Subnets of awsvpc tasks. @default - private subnets */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /** Public IP for awsvpc Fargate tasks (needed in public subnets without NAT). @default false */
  readonly assignPublicIp?: boolean;
  /** Fargate platform version. @default - LATEST */
  readonly platformVersion?: ecs.FargatePlatformVersion;
  /**
   * Where tasks get their tags from: TASK_DEFINITION or NONE (RunTask has no service). With TASK_DEFINITION the scheduler
   * role may ecs:TagResource the cluster's tasks on RunTask, which tagging on create requires.
   * @default ecs.PropagatedTagSource.TASK_DEFINITION (tasks carry the tags cost reports group by, as kit services' do)
   */
  readonly propagateTags?: ecs.PropagatedTagSource;
  /** Security group of awsvpc tasks. @default - a new group with no inbound rules and all outbound allowed */
  readonly securityGroup?: ec2.ISecurityGroup;
  /** Whether the schedule is on. @default true */
  readonly enabled?: boolean;
}

/**
 * Runs a task on a cron or rate schedule through EventBridge Scheduler, with
 * retries and a dead-letter queue. The scheduler's role may run exactly this
 * task definition and pass exactly its two roles (TaskBase.grantRunTask).
 * It is `ec2.IConnectable`: `db.connections.allowDefaultPortFrom(job)` lets its tasks reach a database.
 */
export class ScheduledJob extends Construct implements ec2.IConnectable {
  public readonly schedule: scheduler.CfnSchedule;
  /** Role EventBridge Scheduler assumes. */
  public readonly role: iam.Role;
  /** The dead-letter queue. One the kit creates is retained on stack deletion (RemovalPolicy.RETAIN). */
  public readonly deadLetterQueue: sqs.IQueue;
  /** Security group of awsvpc tasks (undefined for bridge and host tasks, which use the instances'). */
  public readonly securityGroup?: ec2.ISecurityGroup;
  /**
   * The tasks' connections: their security group for awsvpc tasks, the EC2 capacity's instances otherwise
   * (bridge and host tasks use the instances' security group).
   */
  public readonly connections: ec2.Connections;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const path = this.node.path;
    const maxAge = durationSeconds(path, 'maxEventAge', props.maxEventAge) ?? 3_600;
    const windowSeconds = durationSeconds(path, 'flexibleTimeWindow', props.flexibleTimeWindow);
    const windowMinutes = windowSeconds === undefined || Token.isUnresolved(windowSeconds) ? windowSeconds : windowSeconds / 60;
    checkRanges(path, 'KIT-JOB-RANGE', [
      { what: 'taskCount', value: props.taskCount, range: { min: 1, max: 10 } },
      { what: 'maxRetryAttempts', value: props.maxRetryAttempts, range: { min: 0, max: 185 } },
      { what: 'maxEventAge (seconds)', value: maxAge, range: { min: 60, max: 86_400 } },
      { what: 'flexibleTimeWindow (minutes)', value: windowMinutes, range: { min: 1, max: 1_440 } },
    ]);
    const cluster = resolveCluster(path, props.cluster);
    const task = resolveTask(path, props, props.capacity !== undefined);
    const capacity = resolveCapacity(this, cluster, task, props.capacity, props.fargateCapacity);
    if (props.propagateTags === ecs.PropagatedTagSource.SERVICE) {
      fail({ code: 'KIT-JOB-TAGS', path, problem: 'propagateTags SERVICE is set on a scheduled job', allowed: 'TASK_DEFINITION or NONE', fix: 'Use ecs.PropagatedTagSource.TASK_DEFINITION.' });
    }
    if (props.assignPublicIp && !task.isFargate) {
      fail({ code: 'ECS-SV-19', path, problem: 'assignPublicIp is true on a job that runs on EC2', allowed: 'assignPublicIp only for Fargate tasks', fix: 'Remove assignPublicIp.' });
    }

    this.role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      description: `EventBridge Scheduler role of ${path}`,
    });
    const runTask = runTaskPolicy(this, 'RunTaskPolicy', task, this.role);
    const propagate = (props.propagateTags ?? ecs.PropagatedTagSource.TASK_DEFINITION) === ecs.PropagatedTagSource.TASK_DEFINITION;
    // RunTask with tags is authorised on ecs:TagResource too (tag on create), for the tasks it starts only.
    const tagTasks = propagate ? new iam.ManagedPolicy(this, 'TagTasksPolicy', {
      description: `Tag the tasks ${path} starts`,
      roles: [this.role],
      statements: [new iam.PolicyStatement({
        actions: ['ecs:TagResource'],
        resources: [Stack.of(this).formatArn({ service: 'ecs', resource: 'task', resourceName: `${cluster.cluster.clusterName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME })],
        conditions: { StringEquals: { 'ecs:CreateAction': 'RunTask' } },
      })],
    }) : undefined;
    if (tagTasks) {
      acknowledgeRenderedWildcards(tagTasks, () => 'Tags are added when RunTask creates a task of this cluster (ecs:CreateAction RunTask); task ids are only known at run time.');
    }

    const key = props.deadLetterQueue ? undefined : props.deadLetterQueueKey ?? queueKey(this, 'DeadLetterQueueKey');
    this.deadLetterQueue = props.deadLetterQueue ?? deadLetterQueue(this, 'DeadLetterQueue', key!, `the EventBridge Scheduler schedule of ${path}`);
    const dlqKey = this.deadLetterQueue.encryptionMasterKey;
    const deadLetterPolicy = new iam.ManagedPolicy(this, 'DeadLetterPolicy', {
      description: `Dead letters of ${path}`,
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
        ...dlqKey ? [new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [dlqKey.keyArn] })] : [],
      ],
    });

    const awsvpc = task.networkMode === ecs.NetworkMode.AWS_VPC;
    if (awsvpc && task.isFargate && !props.assignPublicIp) checkPublicSubnets(path, cluster.vpc, props.vpcSubnets);
    if (awsvpc) {
      this.securityGroup = props.securityGroup ?? new ec2.SecurityGroup(this, 'SecurityGroup', {
        vpc: cluster.vpc, allowAllOutbound: true, description: `Tasks of ${path}: egress only`,
      });
    }
    this.schedule = new scheduler.CfnSchedule(this, 'Schedule', {
      description: `Runs ${task.path}`,
      scheduleExpression: props.schedule.expressionString,
      scheduleExpressionTimezone: props.schedule.timeZone?.timezoneName,
      flexibleTimeWindow: windowMinutes === undefined ? { mode: 'OFF' } : { mode: 'FLEXIBLE', maximumWindowInMinutes: windowMinutes },
      state: props.enabled === false ? 'DISABLED' : 'ENABLED',
      target: {
        arn: props.cluster.clusterArn,
        roleArn: this.role.roleArn,
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        retryPolicy: { maximumRetryAttempts: props.maxRetryAttempts ?? 3, maximumEventAgeInSeconds: maxAge },
        ecsParameters: {
          taskDefinitionArn: task.taskDefinition.taskDefinitionArn,
          taskCount: props.taskCount ?? 1,
          capacityProviderStrategy: capacity.strategy.length
            ? capacity.strategy.map((s) => ({ capacityProvider: s.capacityProvider, weight: s.weight, base: s.base })) : undefined,
          launchType: capacity.strategy.length ? undefined : 'EC2',
          platformVersion: props.platformVersion,
          propagateTags: propagate ? 'TASK_DEFINITION' : undefined,
          enableEcsManagedTags: true,
          networkConfiguration: awsvpc ? {
            awsvpcConfiguration: {
              subnets: cluster.vpc.selectSubnets(props.vpcSubnets ?? privateSubnets(cluster.vpc)).subnetIds,
              securityGroups: [this.securityGroup!.securityGroupId],
              assignPublicIp: props.assignPublicIp ? 'ENABLED' : 'DISABLED',
            },
          } : undefined,
          placementStrategy: capacity.ec2Capacity ? [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'memory' },
          ] : undefined,
        },
      },
    });
    // The role and its managed policies (attached by the policy resources, not the role)
    // must exist before a rate() schedule first fires.
    this.schedule.node.addDependency(this.role, runTask, deadLetterPolicy, ...tagTasks ? [tagTasks] : []);
    // A cron or rate expression the service rejects fails synth here, as it would fail the deploy.
    validateWithRules(this, this.schedule, SCHEDULE_RULE_IDS);
    const kitTask = task.kit;
    if (kitTask) this.node.addValidation({ validate: () => rejectEbsVolume(path, kitTask) });
    dependOnCapacity(cluster, this.schedule);
    this.connections = jobConnections(this.securityGroup, capacity.ec2Capacity, cluster.cluster);
    if (this.connections.securityGroups.length) task.kit?.connectVolumes(this);
    task.kit?.addVolumeDependency(this.schedule);
  }
}

/** Bridge and host tasks of a plain ecs.Cluster use the instances `addCapacity` put on the cluster's connections. */
function jobConnections(securityGroup: ec2.ISecurityGroup | undefined, capacity: Ec2Capacity | undefined, cluster: ecs.ICluster): ec2.Connections {
  if (securityGroup) return new ec2.Connections({ securityGroups: [securityGroup] });
  return capacity?.connections ?? cluster.connections;
}

const SCHEDULE_RULE_IDS: readonly string[] = ['ECS-JB-01', 'ECS-JB-02', 'ECS-JB-03', 'ECS-RC-10', 'ECS-SV-32', 'ECS-SV-42'];

/** EventBridge Scheduler's EcsParameters cannot configure an EBS volume, so RunTask would fail on every run. */
function rejectEbsVolume(path: string, task: TaskBase): string[] {
  const volume = task.ebsVolume;
  if (!volume) return [];
  return [formatMessage(KIT_CHECKS.JOB_EBS_VOLUME.id, path, {
    problem: `task ${task.node.path} has EBS volume '${volume.name}' configured at launch, which EventBridge Scheduler cannot configure`,
    allowed: 'a task without an EBS volume configured at launch',
    fix: 'Use EFS or scratch storage for a scheduled task, or start it with a RunTask call that passes volumeConfigurations',
  })];
}

/**
 * Seconds of a Duration prop. aws-cdk-lib converts a deploy-time value only from Duration.seconds(): any other unit
 * throws without naming the prop, so say which prop and what to write.
 */
function durationSeconds(path: string, prop: string, duration: Duration | undefined): number | undefined {
  if (duration === undefined) return undefined;
  try {
    return duration.toSeconds();
  } catch (e) {
    if (!isDeployTimeValue(duration)) throw e;
    return fail({
      code: 'KIT-JOB-RANGE',
      path,
      problem: `${prop} ${duration.toString().replace(/\(.*\)$/, '(a deploy-time value)')} cannot be turned into seconds at synth`,
      allowed: 'a literal Duration, or Duration.seconds() of a deploy-time value (a parameter)',
      fix: `Write ${prop}: Duration.seconds(value), with the value in seconds.`,
    });
  }
}
