/**
 * Modern ECS in the example app: an ECS Express Mode service (AWS-managed
 * HTTPS load balancer and URL), and an internal API whose Service Connect
 * traffic is TLS-encrypted with certificates from AWS Private CA, with proxy
 * access logs.
 */
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BackendService, EcsCluster, ExpressScalingMetric, ExpressService, FargateTask } from '../src';

const PRIVATE_CA_ARN = 'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/11111111-2222-3333-4444-555555555555';

/** What the example app shares with these services. */
export interface ModernServicesProps {
  readonly cluster: EcsCluster;
  /** A non-root image listening on 8080 that can write to /tmp only. */
  readonly image: ecs.ContainerImage;
  readonly logEncryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly scratchInitImage: ecs.ContainerImage;
}

/** Adds the services; returns the internal API, for its clients' allowFrom. */
export function addModernServices(scope: Construct, props: ModernServicesProps): BackendService {
  const { cluster, image, logEncryptionKey, logRetention } = props;
  new ExpressService(scope, 'Express', {
    cluster,
    image,
    healthCheckPath: '/',
    logEncryptionKey,
    logRetention,
    scaling: { minTasks: 2, maxTasks: 6, metric: ExpressScalingMetric.REQUEST_COUNT_PER_TARGET, targetValue: 500 },
  });

  const ledgerTask = new FargateTask(scope, 'LedgerTask', {
    ...props,
    container: { image, portMappings: [{ containerPort: 8080, name: 'ledger' }], scratchPaths: ['/tmp'] },
  });
  return new BackendService(scope, 'Ledger', {
    cluster,
    task: ledgerTask,
    serviceConnect: {
      tls: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(scope, 'PrivateCa', PRIVATE_CA_ARN) },
      accessLogs: {},
    },
  });
}
