import { Annotations, Duration, Token } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { fail } from '../errors';
import { scalableTargetOf } from '../internal/cdk-internals';
import { KIT_CHECKS } from '../kit-checks';
import { addAcknowledgeableValidation } from '../plugin/resource-validation';
import { formatMessage } from '../rules/engine';
import { deadLetterQueue, encryptedQueue, queueKey } from './base/encrypted-queue';
import { ServiceBase } from './base/service-base';
import { checkRange } from './base/service-capacity';
import { ReplicaServiceProps } from './base/service-props';
import { intoManagedPolicy } from '../security/managed-grant';
import { kitEnvironmentVariable } from '../task/base/kit-environment';
import { ManagedGrantsRole } from '../task/base/roles';

/** SQS maxReceiveCount of a redrive policy. */
const MAX_RECEIVE_COUNT = { min: 1, max: 1_000 };
/** SQS VisibilityTimeout: whole seconds, at most 12 hours. */
const VISIBILITY_TIMEOUT_SECONDS = { min: 0, max: 43_200 };

/** Why AwsSolutions-ECS2 is acknowledged for the queue URL variable. */
const QUEUE_URL_REASON = 'The kit passes the worker its queue URL (queueUrlEnvironment): an address, not a secret; reading it needs the task '
  + 'role\'s SQS grant. Values you add are checked for secrets by ECS-CT-23.';

/** Props of a WorkerService. */
export interface WorkerServiceProps extends ReplicaServiceProps {
  /** The queue to consume. @default - a new KMS-encrypted queue with a dead-letter queue */
  readonly queue?: sqs.IQueue;
  /** Receives before a message moves to the dead-letter queue (1-1000). @default 5 */
  readonly maxReceiveCount?: number;
  /** Visibility timeout of the new queue (whole seconds, up to 12 hours): longer than a message takes to process. @default Duration.seconds(60) */
  readonly visibilityTimeout?: Duration;
  /** Key of the new queues. @default - a new key with rotation */
  readonly encryptionKey?: kms.IKey;
  /**
   * With autoScaling, also track backlog per task (visible messages / running
   * tasks). It divides by Container Insights' RunningTaskCount, so the cluster
   * needs Container Insights; set false to scale on CPU (and memory) only.
   * @default true
   */
  readonly scaleOnBacklog?: boolean;
  /** With autoScaling and scaleOnBacklog: target visible messages per running task. @default 10 */
  readonly backlogPerTask?: number;
  /**
   * Environment variable that receives the queue URL (the queue's name is generated, so the container needs it to
   * find its queue). When it and the kit's own AWS_REGION are the task's only variables, the kit acknowledges
   * AwsSolutions-ECS2 (which flags every environment variable); a variable you add brings the finding back.
   * @default - none; read `queue.queueUrl` and pass it yourself
   */
  readonly queueUrlEnvironment?: string;
}

/**
 * A service that consumes an encrypted SQS queue with a dead-letter queue.
 * The task role gets consume rights in a managed policy (a plain task definition's role too). With autoScaling it
 * tracks backlog per task unless scaleOnBacklog is false: visible messages /
 * running tasks (Container Insights RunningTaskCount, so the cluster needs
 * Container Insights: checked at synth).
 */
export class WorkerService extends ServiceBase {
  /**
   * The consumed queue. A queue the kit creates is retained on stack deletion
   * (RemovalPolicy.RETAIN, as is its dead-letter queue); `queue.applyRemovalPolicy()` changes it.
   */
  public readonly queue: sqs.IQueue;
  /** The dead-letter queue, when the kit created the queue. */
  public readonly deadLetterQueue?: sqs.IQueue;

  constructor(scope: Construct, id: string, props: WorkerServiceProps) {
    super(scope, id, props);
    const path = this.node.path;
    checkRange(path, 'KIT-SERVICE-QUEUE', 'maxReceiveCount', props.maxReceiveCount, MAX_RECEIVE_COUNT);
    checkRange(path, 'KIT-SERVICE-QUEUE', 'visibilityTimeout (seconds)', props.visibilityTimeout?.toSeconds({ integral: false }), VISIBILITY_TIMEOUT_SECONDS,
      'Use whole seconds up to Duration.hours(12); a message that takes longer must extend its own visibility (ChangeMessageVisibility) while it is processed.');
    checkBacklogOptions(path, props);
    const queueOptions = [
      props.maxReceiveCount !== undefined ? `maxReceiveCount ${props.maxReceiveCount}` : undefined,
      props.encryptionKey ? `encryptionKey ${props.encryptionKey.node.path}` : undefined,
      props.visibilityTimeout ? `visibilityTimeout ${props.visibilityTimeout.toHumanString()}` : undefined,
    ].filter((s) => s !== undefined);
    if (props.queue && queueOptions.length > 0) {
      fail({
        code: 'KIT-SERVICE-QUEUE',
        path,
        problem: `${queueOptions.join(', ')} set together with an existing queue`,
        allowed: 'these settings only for the queue the kit creates',
        fix: 'Configure them on your queue, or let the kit create it.',
      });
    }
    if (props.queue) {
      this.queue = props.queue;
    } else {
      const key = props.encryptionKey ?? queueKey(this, 'QueueKey');
      this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', key, `the queue of ${path}`);
      this.queue = encryptedQueue(this, 'Queue', key, {
        visibilityTimeout: props.visibilityTimeout ?? Duration.seconds(60),
        deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
      });
    }
    // A kit task role keeps grants in a managed policy; another role gets one here, not aws-cdk-lib's inline policy.
    const taskRole = this.taskDefinition.taskRole;
    this.queue.grantConsumeMessages(taskRole instanceof ManagedGrantsRole ? taskRole
      : intoManagedPolicy(new iam.ManagedPolicy(this, 'ConsumePolicy', { description: `Consume the queue of ${path}`, roles: [taskRole] }), taskRole));
    if (props.queueUrlEnvironment) {
      const name = props.queueUrlEnvironment;
      // addEnvironment would silently replace the container's own variable of that name.
      const own = this.mainContainer.renderContainerDefinition().environment;
      if (Array.isArray(own) && own.some((e) => (e as ecs.CfnTaskDefinition.KeyValuePairProperty).name === name)) {
        fail({
          code: 'KIT-SERVICE-QUEUE',
          path,
          problem: `queueUrlEnvironment '${name}' names an environment variable the main container already sets`,
          allowed: 'a name the container does not set',
          fix: `Remove ${name} from the container's environment (the kit sets it to the queue URL), or pick another queueUrlEnvironment.`,
        });
      }
      this.mainContainer.addEnvironment(name, this.queue.queueUrl);
      kitEnvironmentVariable(this.taskDefinition, name, QUEUE_URL_REASON);
    }
    if (this.scalableTaskCount && props.scaleOnBacklog !== false) {
      this.scaleOnBacklog(props.backlogPerTask ?? 10, props.autoScaling?.scaleInCooldown, props.autoScaling?.scaleOutCooldown);
      addAcknowledgeableValidation(this, KIT_CHECKS.SERVICE_BACKLOG_METRIC.id, () => this.checkContainerInsights());
      this.warnContainerInsightsUnset();
    }
  }

  /**
   * The backlog metric divides by Container Insights' RunningTaskCount, which
   * exists only on a cluster with Container Insights: without it the policy
   * has no data and never scales.
   */
  private checkContainerInsights(): string[] {
    const visible = this._serviceCluster.visible;
    const cfn = visible?.node.defaultChild;
    if (!(cfn instanceof ecs.CfnCluster)) return []; // an imported cluster does not show its settings
    const setting = containerInsightsSetting(cfn);
    if (setting === undefined || setting === null || setting === 'enabled' || setting === 'enhanced') return [];
    return [formatMessage(KIT_CHECKS.SERVICE_BACKLOG_METRIC.id, this.node.path, {
      problem: `autoScaling tracks backlog per task with ECS/ContainerInsights RunningTaskCount, but Container Insights is '${setting}' on cluster ${this._serviceCluster.path}`,
      allowed: 'backlog scaling on a cluster with Container Insights enabled or enhanced',
      fix: CONTAINER_INSIGHTS_FIX,
    })];
  }

  /** A cluster of the app that leaves Container Insights to the account setting, which is off unless the account turned it on. */
  private warnContainerInsightsUnset(): void {
    const cfn = this._serviceCluster.visible?.node.defaultChild;
    if (!(cfn instanceof ecs.CfnCluster) || containerInsightsSetting(cfn) !== null) return;
    const id = KIT_CHECKS.SERVICE_BACKLOG_METRIC_UNSET.id;
    Annotations.of(this).addWarningV2(KIT_CHECKS.SERVICE_BACKLOG_METRIC_UNSET.id, formatMessage(id, this.node.path, {
      problem: `autoScaling tracks backlog per task with ECS/ContainerInsights RunningTaskCount, but cluster ${this._serviceCluster.path} does not set `
        + 'Container Insights, so the account setting decides (off unless the account turned it on): without it the policy has no data and never scales',
      allowed: 'backlog scaling on a cluster with Container Insights enabled or enhanced',
      fix: CONTAINER_INSIGHTS_FIX,
    }));
  }

  /** Target tracking on visible messages / running tasks (metric math; the L2 takes single metrics only). */
  private scaleOnBacklog(target: number, scaleInCooldown?: Duration, scaleOutCooldown?: Duration): void {
    const scalableTarget = scalableTargetOf(this.scalableTaskCount!);
    const metric = (id: string, namespace: string, name: string, dimensions: Record<string, string>, stat: string) => ({
      id,
      returnData: false,
      metricStat: { metric: { namespace, metricName: name, dimensions: Object.entries(dimensions).map(([n, v]) => ({ name: n, value: v })) }, stat },
    });
    new appscaling.CfnScalingPolicy(this, 'BacklogPerTask', {
      policyName: `${this.node.id}-backlog-per-task`,
      policyType: 'TargetTrackingScaling',
      scalingTargetId: scalableTarget.scalableTargetId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: target,
        // The same cooldowns and defaults as the CPU and memory policies (ServiceAutoScalingOptions).
        scaleInCooldown: (scaleInCooldown ?? Duration.seconds(300)).toSeconds(),
        scaleOutCooldown: (scaleOutCooldown ?? Duration.seconds(60)).toSeconds(),
        customizedMetricSpecification: {
          metrics: [
            metric('visible', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: this.queue.queueName }, 'Sum'),
            metric('tasks', 'ECS/ContainerInsights', 'RunningTaskCount', { ClusterName: this.cluster.clusterName, ServiceName: this.service.serviceName }, 'Average'),
            { id: 'backlog', expression: 'visible / IF(tasks > 0, tasks, 1)', label: 'Backlog per task', returnData: true },
          ],
        },
      },
    });
  }
}

/** backlogPerTask needs the backlog policy it sets: autoScaling on, scaleOnBacklog not false. */
function checkBacklogOptions(path: string, props: WorkerServiceProps): void {
  if (props.backlogPerTask !== undefined && (!props.autoScaling || props.scaleOnBacklog === false)) {
    const why = props.autoScaling ? 'scaleOnBacklog false' : 'no autoScaling';
    fail({
      code: 'KIT-SERVICE-SCALING',
      path,
      problem: `backlogPerTask ${props.backlogPerTask} is set with ${why}, so no backlog policy uses it`,
      allowed: 'backlogPerTask with autoScaling and scaleOnBacklog true (the default)',
      fix: props.autoScaling ? 'Remove backlogPerTask, or remove scaleOnBacklog: false.' : 'Set autoScaling (minCapacity, maxCapacity), or remove backlogPerTask.',
    });
  }
  checkRange(path, 'KIT-SERVICE-SCALING', 'backlogPerTask', props.backlogPerTask, { min: 1, max: 1_000_000 });
}

/** The cluster's containerInsights setting ('enabled', 'enhanced', 'disabled'), or undefined when unknown at synth. */
/** What the backlog-metric checks tell the user to do, for a kit EcsCluster and for an aws-cdk-lib ecs.Cluster. */
const CONTAINER_INSIGHTS_FIX = 'Set containerInsights: ecs.ContainerInsights.ENABLED on the EcsCluster (its default), or containerInsightsV2: '
  + 'ecs.ContainerInsights.ENABLED on an aws-cdk-lib ecs.Cluster; or set scaleOnBacklog: false to scale on CPU only';

/** The cluster's containerInsights setting; null when it sets none (the account setting applies), undefined when unresolved. */
function containerInsightsSetting(cfn: ecs.CfnCluster): string | null | undefined {
  const settings = cfn.clusterSettings;
  if (settings === undefined) return null;
  if (!Array.isArray(settings)) return undefined;
  for (const s of settings) {
    if (Token.isUnresolved(s)) return undefined;
    const setting = s as ecs.CfnCluster.ClusterSettingsProperty;
    if (setting.name === 'containerInsights') return Token.isUnresolved(setting.value) ? undefined : setting.value;
  }
  // No containerInsights setting: the account default applies, which the template does not show.
  return null;
}
