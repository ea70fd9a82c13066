import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { fail } from '../errors';
import { deploymentAlarm } from './base/deployment-alarm';
import { checkTestOptions, nlbDeployment, nlbWeightedForward } from './base/deployment-load-balancing';
import {
  enableAccessLogs, LoadBalancedServiceProps, loadBalancerSecurityGroup, loadBalancerSubnets, resolveContainerPort, targetHealthCheck,
} from './base/load-balancing';
import { ServiceBase } from './base/service-base';
import { checkRange } from './base/service-capacity';
import { PORT } from '../rules/tables/capacity-limits';

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
  /** The target group of the new revision in blue/green, linear and canary deployments. */
  public readonly alternateTargetGroup?: elbv2.NetworkTargetGroup;
  /** The TLS test listener (deployment testListenerPort). */
  public readonly testListener?: elbv2.NetworkListener;

  constructor(scope: Construct, id: string, props: NetworkLoadBalancedServiceProps) {
    super(scope, id, props, { loadBalanced: true });
    const path = this.node.path;
    if (!props.certificate) {
      fail({ code: 'KIT-SERVICE-CERTIFICATE', path, problem: 'certificate is not set', allowed: 'an ACM certificate for the TLS listener', fix: 'Pass certificate: acm.Certificate.fromCertificateArn(...).' });
    }
    const port = resolveContainerPort(path, this._serviceTask, props.containerPort);
    const listenerPort = props.listenerPort ?? 443;
    checkRange(path, 'KIT-SERVICE-LISTENER-PORT', 'listenerPort', listenerPort, PORT);
    const vpc = this._serviceCluster.vpc;
    checkTestOptions(path, this.deployment, 'nlb');
    const testPort = this.deployment.options.testListenerPort;
    if (testPort !== undefined) checkTestListenerPort(path, this.deployment.shiftsTraffic, testPort, listenerPort);
    const sg = loadBalancerSecurityGroup(this, vpc, props, [
      { port: listenerPort, description: `TLS listener ${listenerPort}` },
      ...testPort !== undefined ? [{ port: testPort, description: `TLS test listener ${testPort} (new revision during deployments)` }] : [],
    ]);
    this.loadBalancer = new elbv2.NetworkLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: props.internetFacing ?? false,
      vpcSubnets: loadBalancerSubnets(props, vpc, this.node.path),
      securityGroups: [sg],
      deletionProtection: props.deletionProtection ?? true,
      crossZoneEnabled: props.crossZoneEnabled ?? true,
    });
    enableAccessLogs(this, this.loadBalancer, props);
    const tgProps: elbv2.NetworkTargetGroupProps = {
      vpc,
      port,
      protocol: elbv2.Protocol.TCP,
      targetType: this._serviceTask.networkMode === ecs.NetworkMode.AWS_VPC ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE,
      deregistrationDelay: props.deregistrationDelay ?? Duration.seconds(60),
      healthCheck: targetHealthCheck(props.healthCheck, { protocol: elbv2.Protocol.TCP }),
    };
    this.targetGroup = new elbv2.NetworkTargetGroup(this, 'TargetGroup', tgProps);
    const containerName = this.mainContainer.containerName;
    const tls = (listenerId: string, listenPort: number, forward: Pick<elbv2.BaseNetworkListenerProps, 'defaultAction' | 'defaultTargetGroups'>) =>
      this.loadBalancer.addListener(listenerId, {
        port: listenPort,
        protocol: elbv2.Protocol.TLS,
        certificates: [elbv2.ListenerCertificate.fromCertificateManager(props.certificate!)],
        sslPolicy: props.sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS,
        ...forward,
      });
    if (this.deployment.shiftsTraffic) {
      const alternate = new elbv2.NetworkTargetGroup(this, 'AlternateTargetGroup', tgProps);
      this.alternateTargetGroup = alternate;
      this.listener = tls('Tls', listenerPort, { defaultAction: nlbWeightedForward(this.targetGroup, alternate) });
      this.testListener = testPort === undefined ? undefined : tls('TestTls', testPort, { defaultAction: nlbWeightedForward(this.targetGroup, alternate) });
      nlbDeployment(this, {
        service: this.service,
        primary: this.targetGroup,
        alternate,
        production: this.listener,
        test: this.testListener,
        containerName,
        containerPort: port,
      });
    } else {
      this.targetGroup.addTarget(this.service.loadBalancerTarget({ containerName, containerPort: port }));
      this.listener = tls('Tls', listenerPort, { defaultTargetGroups: [this.targetGroup] });
    }
    this.allowFrom(this.loadBalancer, port);
    this._checkTargetHealth(this.loadBalancer, this.targetGroup, port, tgProps.healthCheck);
    if (props.enableDeploymentAlarms) {
      this.addDeploymentAlarm(deploymentAlarm(this, 'UnhealthyHostsAlarm', {
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

/** The test listener: only with a traffic-shifting deployment, on a port of its own. */
function checkTestListenerPort(path: string, shiftsTraffic: boolean, testPort: number, listenerPort: number): void {
  checkRange(path, 'KIT-SERVICE-DEPLOYMENT', 'deployment.testListenerPort', testPort, PORT);
  if (!shiftsTraffic || testPort === listenerPort) {
    fail({
      code: 'KIT-SERVICE-DEPLOYMENT',
      path,
      problem: `deployment testListenerPort ${testPort} is set ${shiftsTraffic ? `to the production listener port ${listenerPort}` : 'with a rolling deployment'}`,
      allowed: 'testListenerPort with blueGreen/linear/canary, on a port other than listenerPort',
      fix: 'Use another port for the test listener, or remove testListenerPort.',
    });
  }
}
