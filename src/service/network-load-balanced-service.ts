import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { fail } from '../errors';
import {
  enableAccessLogs, LoadBalancedServiceProps, loadBalancerSecurityGroup, loadBalancerSubnets, resolveContainerPort,
} from './base/load-balancing';
import { ServiceBase } from './base/service-base';

/** Props of a NetworkLoadBalancedService. */
export interface NetworkLoadBalancedServiceProps extends LoadBalancedServiceProps {
  /** TLS policy of the TLS listener. @default elbv2.SslPolicy.RECOMMENDED_TLS */
  readonly sslPolicy?: elbv2.SslPolicy;
  /**
   * Cross-zone load balancing (Control Tower CT.ELASTICLOADBALANCING.PR.14): targets in every AZ share the load.
   * @default true (aws-cdk-lib and ELB default to false)
   */
  readonly crossZoneEnabled?: boolean;
}

/**
 * A service behind a Network Load Balancer with a TLS listener (your
 * certificate), a security group, access logs and deletion protection;
 * internal by default. Tasks accept traffic only from the load balancer's group.
 */
export class NetworkLoadBalancedService extends ServiceBase {
  public readonly loadBalancer: elbv2.NetworkLoadBalancer;
  public readonly listener: elbv2.NetworkListener;
  public readonly targetGroup: elbv2.NetworkTargetGroup;

  constructor(scope: Construct, id: string, props: NetworkLoadBalancedServiceProps) {
    super(scope, id, props);
    const path = this.node.path;
    if (!props.certificate) {
      fail({ code: 'KIT-SERVICE-CERTIFICATE', path, problem: 'certificate is not set', allowed: 'an ACM certificate for the TLS listener', fix: 'Pass certificate: acm.Certificate.fromCertificateArn(...).' });
    }
    const port = resolveContainerPort(path, this._serviceTask, props.containerPort);
    const listenerPort = props.listenerPort ?? 443;
    const vpc = this._serviceCluster.vpc;
    const sg = loadBalancerSecurityGroup(this, vpc, props, [{ port: listenerPort, description: `TLS listener ${listenerPort}` }]);
    this.loadBalancer = new elbv2.NetworkLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: props.internetFacing ?? false,
      vpcSubnets: loadBalancerSubnets(props, vpc),
      securityGroups: [sg],
      deletionProtection: props.deletionProtection ?? true,
      crossZoneEnabled: props.crossZoneEnabled ?? true,
    });
    enableAccessLogs(this, this.loadBalancer, props);
    this.targetGroup = new elbv2.NetworkTargetGroup(this, 'TargetGroup', {
      vpc,
      port,
      protocol: elbv2.Protocol.TCP,
      targetType: this._serviceTask.networkMode === ecs.NetworkMode.AWS_VPC ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE,
      deregistrationDelay: props.deregistrationDelay ?? Duration.seconds(60),
      healthCheck: props.healthCheck ?? {
        protocol: elbv2.Protocol.TCP, healthyThresholdCount: 2, unhealthyThresholdCount: 3, interval: Duration.seconds(30),
      },
      targets: [this.service.loadBalancerTarget({ containerName: this.mainContainer.containerName, containerPort: port })],
    });
    this.listener = this.loadBalancer.addListener('Tls', {
      port: listenerPort,
      protocol: elbv2.Protocol.TLS,
      certificates: [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)],
      sslPolicy: props.sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS,
      defaultTargetGroups: [this.targetGroup],
    });
    this.allowFrom(this.loadBalancer, port);
    if (props.enableDeploymentAlarms) {
      this.addDeploymentAlarm(new cloudwatch.Alarm(this, 'UnhealthyHostsAlarm', {
        alarmDescription: `Unhealthy targets of ${path}; rolls back a deployment`,
        metric: this.targetGroup.metrics.unHealthyHostCount({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }));
    }
  }
}
