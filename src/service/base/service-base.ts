/**
 * What every kit service shares: the ECS service itself (always on a
 * capacity provider strategy), deployment defaults, autoscaling, ECS Exec,
 * AZ rebalancing and task security-group wiring. Service shapes extend it.
 */
import { Duration, Lazy, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { checkRange, resolveCapacity } from './service-capacity';
import { ReplicaServiceProps, ServiceAutoScalingOptions } from './service-props';
import { Ec2Capacity } from '../../capacity/ec2-capacity';
import { EcsCluster } from '../../cluster/ecs-cluster';
import { fail } from '../../errors';
import { validateWithRules } from '../../plugin/resource-validation';
import { ecsNameProblem } from '../../rules/service/name-format';
import { PERCENT } from '../../rules/tables/capacity-limits';
import { TaskBase } from '../../task/base/task-base';

/**
 * Tasks per service is an adjustable quota (ECS-SV-25): the construct only
 * rejects impossible counts; EcsChecks compares against the app's QuotaProfile.
 */
const ANY_COUNT = Number.MAX_SAFE_INTEGER;

/** Service rules run on the rendered AWS::ECS::Service at synth (single-resource checks only). */
const SERVICE_RULE_IDS = ['ECS-SV-08'];

/** Settings a service shape (web, backend, daemon...) passes to ServiceBase. */
export interface ServiceShapeOptions {
  /**
   * One task per instance (EC2 only).
   * @default false
   */
  readonly daemon?: boolean;
  /**
   * Service Connect settings of the shape.
   * @default - no Service Connect
   */
  readonly serviceConnectConfiguration?: ecs.ServiceConnectProps;
}

/** Base of the kit's services. */
export abstract class ServiceBase extends Construct implements ec2.IConnectable {
  /** The aws-cdk-lib service (FargateService or Ec2Service). */
  public readonly service: ecs.BaseService;
  public readonly cluster: EcsCluster;
  public readonly task: TaskBase;
  /** The EC2 capacity the tasks run on, for an Ec2Task. */
  public readonly ec2Capacity?: Ec2Capacity;
  /** Task-count scaling, when autoScaling is set. */
  public readonly scalableTaskCount?: ecs.ScalableTaskCount;
  /** Security group of awsvpc tasks (undefined for bridge/host tasks, which use the instances'). */
  public readonly securityGroup?: ec2.ISecurityGroup;
  private readonly alarms: cloudwatch.IAlarm[] = [];

  constructor(scope: Construct, id: string, props: ReplicaServiceProps, shape: ServiceShapeOptions = {}) {
    super(scope, id);
    const path = this.node.path;
    this.cluster = props.cluster;
    this.task = props.task;
    const daemon = shape.daemon ?? false;
    checkDeployment(path, props, daemon);
    checkServiceName(path, props.serviceName);
    if (props.autoScaling && props.desiredCount !== undefined) {
      fail({
        code: 'KIT-SERVICE-DESIRED-COUNT',
        path,
        problem: `desiredCount ${props.desiredCount} is set together with autoScaling`,
        allowed: 'desiredCount or autoScaling, not both',
        fix: 'Remove desiredCount and set autoScaling.minCapacity: with autoScaling the template leaves DesiredCount out so deploys keep the running count.',
      });
    }
    checkRange(path, 'KIT-SERVICE-COUNT', 'desiredCount', props.desiredCount, { min: 0, max: ANY_COUNT });
    if (props.enableExecuteCommand) this.prepareExec(path);

    const capacity = resolveCapacity(path, props.cluster, props.task, props.capacity, props.fargateCapacity);
    this.ec2Capacity = capacity.ec2Capacity;
    const awsvpc = props.task.networkMode === ecs.NetworkMode.AWS_VPC;
    if (awsvpc) {
      this.securityGroup = props.securityGroup ?? new ec2.SecurityGroup(this, 'SecurityGroup', {
        vpc: props.cluster.vpc,
        allowAllOutbound: true,
        description: `Tasks of ${path}: ingress only from the service clients`,
      });
    } else if (props.securityGroup || props.vpcSubnets) {
      fail({
        code: 'KIT-SERVICE-NETWORK-MODE',
        path,
        problem: `securityGroup/vpcSubnets are set but the task uses network mode ${props.task.networkMode}`,
        allowed: 'securityGroup and vpcSubnets with awsvpc tasks only',
        fix: 'Remove them; bridge and host tasks use the instances\' security group.',
      });
    }

    const common = {
      cluster: props.cluster.cluster,
      serviceName: props.serviceName,
      desiredCount: props.autoScaling || daemon ? undefined : props.desiredCount ?? 1,
      minHealthyPercent: props.minHealthyPercent ?? (daemon ? 0 : 100),
      maxHealthyPercent: props.maxHealthyPercent ?? (daemon ? 100 : 200),
      circuitBreaker: props.circuitBreaker === false ? undefined : { enable: true, rollback: true },
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      availabilityZoneRebalancing: props.availabilityZoneRebalancing
        ? ecs.AvailabilityZoneRebalancing.ENABLED : ecs.AvailabilityZoneRebalancing.DISABLED,
      healthCheckGracePeriod: props.healthCheckGracePeriod,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
      serviceConnectConfiguration: shape.serviceConnectConfiguration,
    };
    const network = awsvpc ? {
      vpcSubnets: props.vpcSubnets ?? privateSubnets(props.cluster.vpc),
      securityGroups: [this.securityGroup!],
      assignPublicIp: false,
    } : {};
    if (props.task.isFargate) {
      this.service = new ecs.FargateService(this, 'Service', {
        ...common,
        ...network,
        taskDefinition: props.task.taskDefinition as ecs.FargateTaskDefinition,
        capacityProviderStrategies: capacity.strategy,
      });
    } else {
      this.service = new ecs.Ec2Service(this, 'Service', {
        ...common,
        ...network,
        taskDefinition: props.task.taskDefinition as ecs.Ec2TaskDefinition,
        daemon,
        // A daemon runs on every instance: a launch type, no strategy or placement.
        capacityProviderStrategies: daemon ? undefined : capacity.strategy,
        placementStrategies: daemon ? undefined : [
          ecs.PlacementStrategy.spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE),
          ecs.PlacementStrategy.packedByMemory(),
        ],
      });
    }
    props.cluster.addCapacityDependency(this.service);
    props.task.connectVolumes(this.service);
    props.task.addLaunchVolumesTo(this.service);
    // The rules' own checks on the rendered service, with their ids and severities (ECS-SV-08 is a warning).
    validateWithRules(this, this.service.node.defaultChild as ecs.CfnService, SERVICE_RULE_IDS);

    this.alarms.push(...props.deploymentAlarms ?? []);
    const cfn = this.service.node.defaultChild as ecs.CfnService;
    cfn.addPropertyOverride('DeploymentConfiguration.Alarms', Lazy.any({
      produce: () => this.alarms.length === 0 ? undefined : {
        AlarmNames: this.alarms.map((a) => a.alarmName), Enable: true, Rollback: true,
      },
    }));
    for (const a of this.alarms) this.service.node.addDependency(a);
    if (props.autoScaling) this.scalableTaskCount = this.enableAutoScaling(path, props.autoScaling);
  }

  /** The service's connections: its security group for awsvpc tasks, the instances' otherwise. */
  public get connections(): ec2.Connections {
    return this.securityGroup ? this.service.connections : this.ec2Capacity!.connections;
  }

  /** Let `peer` reach the tasks on `port` (the instances' dynamic ports for bridge tasks). */
  public allowFrom(peer: ec2.IConnectable, port: number): void {
    if (this.securityGroup) {
      this.service.connections.allowFrom(peer, ec2.Port.tcp(port), `to ${this.node.id} port ${port}`);
    } else {
      this.ec2Capacity?.allowTaskTraffic(peer, this.task.networkMode, port);
    }
  }

  /** Add an alarm that stops and rolls back a deployment when it fires. */
  protected addDeploymentAlarm(alarm: cloudwatch.IAlarm): void {
    this.alarms.push(alarm);
    this.service.node.addDependency(alarm);
  }

  private prepareExec(path: string): void {
    if (!this.cluster.executeCommandLogGroup) {
      fail({
        code: 'KIT-SERVICE-EXEC',
        path,
        problem: `enableExecuteCommand is set but cluster ${this.cluster.node.path} does not log ECS Exec sessions`,
        allowed: 'ECS Exec on a cluster with audited session logging',
        fix: 'Set enableExecuteCommand: true on the EcsCluster, which logs sessions to an encrypted log group.',
      });
    }
    // The SSM agent writes to the root filesystem; the task's default is read-only.
    this.task.enableExecCompatibility();
  }

  private enableAutoScaling(path: string, options: ServiceAutoScalingOptions): ecs.ScalableTaskCount {
    const min = options.minCapacity ?? 1;
    checkRange(path, 'KIT-SERVICE-COUNT', 'autoScaling.maxCapacity', options.maxCapacity, { min: 1, max: ANY_COUNT });
    checkRange(path, 'KIT-SERVICE-SCALING', 'autoScaling.minCapacity', min, { min: 0, max: Token.isUnresolved(options.maxCapacity) ? ANY_COUNT : options.maxCapacity },
      'Use a minCapacity from 0 to maxCapacity.');
    checkRange(path, 'KIT-SERVICE-SCALING', 'autoScaling.targetCpuPercent', options.targetCpuPercent, { min: 1, max: 100 });
    checkRange(path, 'KIT-SERVICE-SCALING', 'autoScaling.targetMemoryPercent', options.targetMemoryPercent, { min: 1, max: 100 });
    const scaling = this.service.autoScaleTaskCount({ minCapacity: min, maxCapacity: options.maxCapacity });
    const cooldowns = {
      scaleInCooldown: options.scaleInCooldown ?? Duration.seconds(300),
      scaleOutCooldown: options.scaleOutCooldown ?? Duration.seconds(60),
    };
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: options.targetCpuPercent ?? 70, ...cooldowns });
    if (options.targetMemoryPercent !== undefined) {
      scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: options.targetMemoryPercent, ...cooldowns });
    }
    return scaling;
  }
}

/** Private subnets with egress, or isolated ones in a VPC without NAT; never public. */
export function privateSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return { subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED };
}

function checkDeployment(path: string, props: ReplicaServiceProps, daemon: boolean): void {
  const min = props.minHealthyPercent ?? (daemon ? 0 : 100);
  const max = props.maxHealthyPercent ?? (daemon ? 100 : 200);
  checkRange(path, 'KIT-SERVICE-PERCENT', 'minHealthyPercent', min, PERCENT);
  if (daemon && !Token.isUnresolved(max) && max !== 100) {
    fail({ code: 'ECS-SV-07', path, problem: `maxHealthyPercent ${max} is set on a daemon service`, allowed: '100', fix: 'Remove maxHealthyPercent: a daemon runs one task per instance.' });
  }
  if (props.availabilityZoneRebalancing && !Token.isUnresolved(max) && max <= 100) {
    fail({
      code: 'ECS-SV-26',
      path,
      problem: `availabilityZoneRebalancing needs maxHealthyPercent above 100, got ${max}`,
      allowed: 'maxHealthyPercent > 100',
      fix: 'Raise maxHealthyPercent (200 is the default) or turn rebalancing off.',
    });
  }
}

function checkServiceName(path: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  const problem = ecsNameProblem(name);
  if (problem) {
    fail({ code: 'ECS-SV-24', path, problem: `serviceName '${name}' ${problem}`, allowed: '1-255 letters, digits, - and _', fix: 'Use letters, digits, - and _ only.' });
  }
}
