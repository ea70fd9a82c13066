/**
 * What every kit service shares: the ECS service itself (always on a
 * capacity provider strategy), deployment defaults, autoscaling, ECS Exec,
 * AZ rebalancing and task security-group wiring. Service shapes extend it.
 */
import { Lazy, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { addLifecycleHooks, deploymentProps, ServiceDeployment } from './deployment';
import { acknowledgeExecGrants } from './exec-grants';
import { managedInstancesService } from './managed-instances-service';
import { ANY_COUNT, checkRange, resolveCapacity } from './service-capacity';
import { checkDeployment, checkEssentialContainer, checkPublicSubnets, checkServiceName, privateSubnets, validatePlainTaskDefinition } from './service-checks';
import { checkServiceConnectClient } from './service-connect-clients';
import { rejectWindowsServiceConnect } from './service-connect-platform';
import { serviceConnectAccessLogs, serviceConnectTls } from './service-connect-tls';
import { dependOnCapacity, mainContainerOf, requireL2, resolveCluster, resolveTask, ServiceCluster, ServiceTask, warnUnseen } from './service-inputs';
import { ReplicaServiceProps } from './service-props';
import { enableAutoScaling } from './service-scaling';
import { openTaskPort } from './task-ports';
import { joinAdditionalGroups, taskSecurityGroups } from './task-security-groups';
import { addVpcLattice } from './vpc-lattice';
import { Ec2Capacity } from '../../capacity/ec2-capacity';
import { ManagedInstancesCapacity } from '../../capacity/managed-instances-capacity';
import { fail } from '../../errors';
import { taskDefinitionContainers } from '../../internal/cdk-internals';
import { validateWithRules } from '../../plugin/resource-validation';
import { TaskBase } from '../../task/base/task-base';

/**
 * Service rules run on the rendered AWS::ECS::Service at synth. They see the stack's other resources:
 * ECS-SC-06, ECS-SV-32 and ECS-SV-42 read the task definition when it is in the same stack (across stacks, EcsChecks does), and
 * ECS-RC-10 the capacity provider and its instance types, ECS-RC-22 its groups' MaxSize, ECS-SC-14 the other services of the stack in the same namespace.
 */
const SERVICE_RULE_IDS = ['ECS-SV-08', 'ECS-SC-06', 'ECS-SC-13', 'ECS-SC-14', 'ECS-SV-32', 'ECS-SV-42', 'ECS-RC-10', 'ECS-RC-22'];

/** Rules on a service's target groups. */
const TARGET_GROUP_RULE_IDS = ['ECS-SV-33'];

/** Settings a service shape (web, backend, daemon...) passes to ServiceBase. */
export interface ServiceShapeOptions {
  /**
   * One task per instance (EC2 only).
   * @default false
   */
  readonly daemon?: boolean;
  /**
   * Service Connect server mode by default: publish the main container's
   * first named port mapping unless serviceConnect names one (BackendService).
   * @default false
   */
  readonly serviceConnectServer?: boolean;
  /**
   * The shape attaches an ALB or NLB (linear and canary deployments need one, or Service Connect).
   * @default false
   */
  readonly loadBalanced?: boolean;
}

/** Base of the kit's services. */
export abstract class ServiceBase extends Construct implements ec2.IConnectable {
  /** The aws-cdk-lib service (FargateService or Ec2Service). */
  public readonly service: ecs.BaseService;
  /** The cluster, as given (an EcsCluster or any ecs.ICluster). */
  public readonly cluster: ecs.ICluster;
  /** The kit task, when the service runs one (undefined with taskDefinition). */
  public readonly task?: TaskBase;
  /** The task definition the service runs. */
  public readonly taskDefinition: ecs.TaskDefinition;
  /** The EC2 capacity the tasks run on, for an EC2 task on an EcsCluster. */
  public readonly ec2Capacity?: Ec2Capacity;
  /** The Managed Instances capacity the tasks run on, for a Managed Instances task. */
  public readonly managedInstancesCapacity?: ManagedInstancesCapacity;
  /** Task-count scaling, when autoScaling is set. */
  public readonly scalableTaskCount?: ecs.ScalableTaskCount;
  /** Security group of awsvpc tasks (undefined for bridge/host tasks, which use the instances'). */
  public readonly securityGroup?: ec2.ISecurityGroup;
  /** The Service Connect port mapping name this service publishes, if any. */
  public readonly serviceConnectPortName?: string;
  /** ARN of the VPC Lattice target group the tasks register in, with vpcLattice. */
  public readonly vpcLatticeTargetGroupArn?: string;
  /** How ECS deploys the service (rolling unless `deployment` was given). */
  public readonly deployment: ServiceDeployment;
  /** @internal */
  protected readonly _serviceCluster: ServiceCluster;
  /** @internal */
  protected readonly _serviceTask: ServiceTask;
  private readonly alarms: cloudwatch.IAlarm[] = [];

  constructor(scope: Construct, id: string, props: ReplicaServiceProps, shape: ServiceShapeOptions = {}) {
    super(scope, id);
    const path = this.node.path;
    this._serviceCluster = resolveCluster(path, props.cluster);
    const ec2Given = props.capacity !== undefined || (shape.daemon ?? false);
    this._serviceTask = resolveTask(path, props, ec2Given, props.managedInstancesCapacity !== undefined);
    const task = this._serviceTask;
    const taskDefinition = requireL2(path, task, 'a service');
    this.cluster = props.cluster;
    this.task = task.kit;
    this.taskDefinition = taskDefinition;
    if (!task.kit) validatePlainTaskDefinition(taskDefinition);
    const daemon = shape.daemon ?? false;
    if (daemon && (task.isFargate || task.isManagedInstances || props.managedInstancesCapacity)) {
      const managed = !task.isFargate;
      fail({
        code: 'ECS-SV-07',
        path,
        problem: props.managedInstancesCapacity
          ? `managedInstancesCapacity ${props.managedInstancesCapacity.node.path} is set on a DaemonService`
          : `task ${task.path} runs on ${task.isFargate ? 'Fargate' : 'Managed Instances'}`,
        allowed: 'an EC2 task on an Ec2Capacity: DAEMON services run one task on each EC2 container instance, not on Fargate or Managed Instances',
        fix: managed
          ? `${props.managedInstancesCapacity ? 'Remove managedInstancesCapacity and run' : 'Run'} an Ec2Task on an Ec2Capacity (capacity), `
            + 'or, for one task on each Managed Instances instance, use ECS Managed Daemons (ecs.CfnDaemon).'
          : 'Use an Ec2Task (or an EC2-compatible task definition) on an Ec2Capacity.',
      });
    }
    checkDeployment(path, props, daemon);
    checkServiceName(path, props.serviceName, { code: 'ECS-SV-24' });
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

    const capacity = resolveCapacity(this, this._serviceCluster, task, props.capacity, props.fargateCapacity, props.managedInstancesCapacity, daemon);
    this.ec2Capacity = capacity.ec2Capacity;
    this.managedInstancesCapacity = capacity.managedInstancesCapacity;
    const vpc = this._serviceCluster.vpc;
    const awsvpc = task.networkMode === ecs.NetworkMode.AWS_VPC;
    const groups = taskSecurityGroups(this, path, props, vpc, task.networkMode);
    this.securityGroup = groups.own;
    if (props.assignPublicIp && task.isManagedInstances) {
      fail({
        code: 'ECS-MI-06',
        path,
        problem: 'assignPublicIp is true on a service that runs on Managed Instances',
        allowed: 'assignPublicIp only for Fargate tasks',
        fix: 'Remove assignPublicIp and use private subnets with a NAT gateway (or VPC endpoints).',
      });
    }
    if (props.assignPublicIp && !task.isFargate) {
      fail({
        code: 'ECS-SV-19',
        path,
        problem: 'assignPublicIp is true on a service that runs on EC2',
        allowed: 'assignPublicIp only for Fargate tasks',
        fix: 'Remove assignPublicIp and use private subnets with a NAT gateway (or VPC endpoints).',
      });
    }
    if (props.platformVersion && !task.isFargate) {
      fail({ code: 'KIT-SERVICE-PLATFORM', path, problem: `platformVersion ${props.platformVersion} is set on a service that runs on ${task.isManagedInstances ? 'Managed Instances' : 'EC2'}`, allowed: 'platformVersion for Fargate tasks only', fix: 'Remove platformVersion.' });
    }
    if (awsvpc && task.isFargate && !props.assignPublicIp) checkPublicSubnets(path, vpc, props.vpcSubnets);
    checkEssentialContainer(this._serviceTask.path, this.taskContainers);
    const serviceConnect = this.serviceConnectConfiguration(props, shape);
    this.deployment = props.deployment ?? ServiceDeployment.rolling();
    const deployment = deploymentProps(path, props.deployment, props.forceNewDeployment,
      { daemon, loadBalanced: shape.loadBalanced ?? false, serviceConnectServer: (serviceConnect?.services?.length ?? 0) > 0 });

    const common = {
      cluster: this._serviceCluster.cluster,
      serviceName: props.serviceName,
      desiredCount: props.autoScaling || daemon ? undefined : props.desiredCount ?? 1,
      minHealthyPercent: props.minHealthyPercent ?? (daemon ? 0 : 100),
      maxHealthyPercent: props.maxHealthyPercent ?? (daemon ? 100 : 200),
      circuitBreaker: props.circuitBreaker === false ? undefined : { enable: true, rollback: true },
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      availabilityZoneRebalancing: props.availabilityZoneRebalancing
        ? ecs.AvailabilityZoneRebalancing.ENABLED : ecs.AvailabilityZoneRebalancing.DISABLED,
      healthCheckGracePeriod: props.healthCheckGracePeriod,
      propagateTags: props.propagateTags ?? ecs.PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
      serviceConnectConfiguration: serviceConnect,
      // Empty: the EC2 launch type on capacity the kit cannot see.
      capacityProviderStrategies: capacity.strategy.length ? capacity.strategy : undefined,
      ...deployment,
    };
    const network = awsvpc ? {
      vpcSubnets: props.vpcSubnets ?? privateSubnets(vpc),
      securityGroups: [this.securityGroup!],
      assignPublicIp: props.assignPublicIp ?? false,
    } : {};
    if (task.isFargate) {
      this.service = new ecs.FargateService(this, 'Service', {
        ...common,
        ...network,
        platformVersion: props.platformVersion,
        taskDefinition: taskDefinition as ecs.FargateTaskDefinition,
      });
    } else if (task.isManagedInstances) {
      this.service = managedInstancesService(this, common, network, taskDefinition, this.managedInstancesCapacity!);
    } else {
      this.service = new ecs.Ec2Service(this, 'Service', {
        ...common,
        ...network,
        taskDefinition: taskDefinition as ecs.Ec2TaskDefinition,
        daemon,
        // A daemon runs on every instance: a launch type, no strategy or placement.
        capacityProviderStrategies: daemon ? undefined : common.capacityProviderStrategies,
        placementStrategies: daemon ? undefined : [
          ecs.PlacementStrategy.spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE),
          ecs.PlacementStrategy.packedByMemory(),
        ],
      });
    }
    if (groups.own) joinAdditionalGroups(this.service, groups.own, groups.additional);
    dependOnCapacity(this._serviceCluster, this.service);
    task.kit?.connectVolumes(this.service);
    task.kit?.addVolumeDependency(this.service);
    task.kit?.addLaunchVolumesTo(this.service);
    const execPolicy = (this._serviceTask.kit?.taskRole as { managedPolicy?: iam.ManagedPolicy } | undefined)?.managedPolicy;
    if (props.enableExecuteCommand && execPolicy) acknowledgeExecGrants(execPolicy, this._serviceCluster.kit?.executeCommandLogGroup);
    addLifecycleHooks(this, this.service, this.deployment.options.lifecycleHooks ?? []);
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
    if (props.autoScaling) this.scalableTaskCount = enableAutoScaling(this.service, path, props.autoScaling);
    this.serviceConnectPortName = serviceConnect?.services?.[0]?.portMappingName;
    if (props.vpcLattice) this.vpcLatticeTargetGroupArn = addVpcLattice(this, this.service, this.taskContainers, vpc, props.vpcLattice);
  }

  /** The task's containers so far (the main one first); ECS matches port names against all of them. */
  private get taskContainers(): ecs.ContainerDefinition[] {
    const main = this.mainContainer;
    const all = this._serviceTask.l2 ? taskDefinitionContainers(this._serviceTask.l2) : [];
    return [main, ...all.filter((c) => c !== main)];
  }

  /** The service's connections: its security group for awsvpc tasks, the instances' otherwise. */
  public get connections(): ec2.Connections {
    const hostCapacity = this.ec2Capacity ?? this.managedInstancesCapacity;
    return this.securityGroup || !hostCapacity ? this.service.connections : hostCapacity.connections;
  }

  /** Let `peer` reach the tasks on `port` (the instances' dynamic ports for bridge tasks). */
  public allowFrom(peer: ec2.IConnectable, port: number): void {
    this.openPort(peer, port, `allowFrom opens port ${port}`);
    if (this.serviceConnectPortName) checkServiceConnectClient(this, this.service, peer);
  }

  /**
   * Health checks on a port other than the traffic port: the load balancer must reach that port as well, or no
   * target ever turns healthy (ECS-RC-04). Target group rules (ECS-SV-33) run on the rendered target group.
   * @internal
   */
  protected _checkTargetHealth(peer: ec2.IConnectable, targetGroup: elbv2.TargetGroupBase, trafficPort: number,
    healthCheck?: elbv2.HealthCheck): void {
    validateWithRules(this, targetGroup.node.defaultChild as elbv2.CfnTargetGroup, TARGET_GROUP_RULE_IDS);
    const port = healthCheck?.port;
    if (port === undefined || Token.isUnresolved(port) || !/^\d+$/.test(port) || Number(port) === trafficPort) return;
    this.openPort(peer, Number(port), `healthCheck.port ${port}`);
  }

  private openPort(peer: ec2.IConnectable, port: number, opener: string): void {
    openTaskPort({
      scope: this,
      service: this.service,
      task: this._serviceTask,
      securityGroup: this.securityGroup,
      ec2Capacity: this.ec2Capacity,
      managedInstancesCapacity: this.managedInstancesCapacity,
      cluster: this._serviceCluster,
    }, peer, port, opener);
  }

  /** Add an alarm that stops and rolls back a deployment when it fires. */
  protected addDeploymentAlarm(alarm: cloudwatch.IAlarm): void {
    this.alarms.push(alarm);
    this.service.node.addDependency(alarm);
  }

  /** The main container of the task. */
  protected get mainContainer(): ecs.ContainerDefinition {
    return mainContainerOf(this.node.path, this._serviceTask);
  }

  private prepareExec(path: string): void {
    const { kit, visible } = this._serviceCluster;
    const logged = kit ? kit.executeCommandLogGroup !== undefined
      : visible ? visible.executeCommandConfiguration?.logConfiguration !== undefined : undefined;
    if (logged === false) {
      fail({
        code: 'KIT-SERVICE-EXEC',
        path,
        problem: `enableExecuteCommand is true but cluster ${this._serviceCluster.path} does not log ECS Exec sessions`,
        allowed: 'ECS Exec on a cluster with audited session logging',
        fix: 'Set enableExecuteCommand: true on the EcsCluster (or executeCommandConfiguration with logging on your ecs.Cluster).',
      });
    }
    if (logged === undefined) {
      warnUnseen(this, 'KIT-SERVICE-EXEC-UNSEEN', `ECS Exec is on in imported cluster ${this._serviceCluster.path}, whose session logging the kit cannot see`,
        'ECS Exec on a cluster with audited session logging', 'Make sure the cluster logs ECS Exec sessions, or acknowledge this warning');
    }
    // The SSM agent writes to the root filesystem; the kit task's default is read-only.
    this._serviceTask.kit?.enableExecCompatibility();
  }

  private serviceConnectConfiguration(props: ReplicaServiceProps, shape: ServiceShapeOptions): ecs.ServiceConnectProps | undefined {
    const options = props.serviceConnect;
    if (!options && !shape.serviceConnectServer) return undefined;
    const path = this.node.path;
    rejectWindowsServiceConnect(path, this._serviceTask, shape.serviceConnectServer ?? false);
    const namespace = options?.cloudMapNamespace ?? this._serviceCluster.cluster.defaultCloudMapNamespace;
    if (!namespace) {
      fail({
        code: 'ECS-SC-01',
        path,
        problem: `cluster ${this._serviceCluster.path} has no default Cloud Map namespace and serviceConnect.cloudMapNamespace is not set`,
        allowed: 'a namespace on the service or the cluster',
        fix: 'Set defaultCloudMapNamespace: { name: \'internal\' } on the EcsCluster, or pass cloudMapNamespace.',
      });
    }
    const main = this.mainContainer;
    // ECS matches the port name against every container's port mappings (a proxy sidecar may publish it).
    const named = this.taskContainers.flatMap((c) => c.portMappings.map((pm) => pm.name)).filter((n): n is string => n !== undefined);
    const firstNamed = main.portMappings.find((pm) => pm.name)?.name ?? named[0];
    const portMappingName = options?.portMappingName ?? (shape.serviceConnectServer ? firstNamed : undefined);
    if (shape.serviceConnectServer && !portMappingName) {
      fail({
        code: 'ECS-SC-02',
        path,
        problem: `no container of ${this._serviceTask.path} has a named port mapping (main container ports: ${main.portMappings.map((pm) => pm.containerPort).join(', ') || 'none'})`,
        allowed: 'a port mapping with a name, e.g. { containerPort: 8080, name: "api" }',
        fix: 'Name the port mapping Service Connect publishes.',
      });
    }
    if (portMappingName && !named.includes(portMappingName)) {
      fail({
        code: 'ECS-SC-02',
        path,
        problem: `Service Connect portMappingName '${portMappingName}' is not a port mapping of any container of ${this._serviceTask.path}`,
        allowed: `a named port mapping: ${named.join(', ') || 'none named'}`,
        fix: 'Name the port mapping on the container, or use one of its names.',
      });
    }
    const tls = serviceConnectTls(this, options?.tls, portMappingName);
    const logGroup = this._serviceTask.kit?.logGroup ?? new logs.LogGroup(this, 'ServiceConnectLogs', { retention: logs.RetentionDays.ONE_MONTH });
    return {
      namespace: namespace.namespaceArn,
      services: portMappingName
        ? [{ portMappingName, dnsName: options?.dnsName, discoveryName: options?.discoveryName, port: options?.clientPort, tls }]
        : undefined,
      accessLogConfiguration: serviceConnectAccessLogs(options?.accessLogs),
      // SC-09: proxy logs go to the task's log group.
      logDriver: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'service-connect' }),
    };
  }
}
