/**
 * Service Connect TLS (certificates from AWS Private CA, issued and rotated
 * by ECS through an infrastructure role) and Service Connect access logs,
 * rendered through aws-cdk-lib's ServiceConnectProps support.
 */
import { Validations } from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { fail } from '../../errors';
import { ManagedGrantsRole } from '../../task/base/roles';

const TLS_POLICY = 'service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity';

/** TLS between Service Connect services. */
export interface ServiceConnectTlsOptions {
  /**
   * The AWS Private CA that issues the service's certificates (a short-lived
   * certificate CA keeps the cost down). Import one by ARN with
   * `acmpca.CertificateAuthority.fromCertificateAuthorityArn`.
   */
  readonly certificateAuthority: acmpca.ICertificateAuthority;
  /** KMS key ECS encrypts the certificate's private key with. The TLS role gets encrypt/decrypt on it. @default - an AWS owned key */
  readonly kmsKey?: kms.IKey;
  /**
   * ECS infrastructure role that calls AWS Private CA and Secrets Manager.
   * @default - a new role trusted by ecs.amazonaws.com with AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity
   */
  readonly role?: iam.IRole;
}

/** Access logs of the Service Connect proxy (they go to the Service Connect log configuration: the task's log group). */
export interface ServiceConnectAccessLogOptions {
  /** Log line format. @default ecs.ServiceConnectAccessLogFormat.JSON */
  readonly format?: ecs.ServiceConnectAccessLogFormat;
  /** Log query strings, which may carry tokens or personal data. @default false */
  readonly includeQueryParameters?: boolean;
}

/** The aws-cdk-lib TLS configuration of the published port, creating the infrastructure role when none is given. */
export function serviceConnectTls(
  scope: Construct, options: ServiceConnectTlsOptions | undefined, portMappingName: string | undefined,
): ecs.ServiceConnectTlsConfiguration | undefined {
  if (!options) return undefined;
  if (!portMappingName) {
    fail({
      code: 'KIT-SERVICE-CONNECT-TLS',
      path: scope.node.path,
      problem: 'serviceConnect.tls is set but the service publishes no port (client mode)',
      allowed: 'tls with serviceConnect.portMappingName',
      fix: 'Set portMappingName, or remove tls: clients use TLS when the server they call has it.',
    });
  }
  const role = options.role ?? createTlsRole(scope);
  if (options.kmsKey) {
    options.kmsKey.grantEncryptDecrypt(role);
    // The kit's own role: its grant policy names the key alone; the wildcards are KMS action families.
    if (role instanceof ManagedGrantsRole && role.managedPolicy) {
      Validations.of(role.managedPolicy).acknowledge(...['kms:GenerateDataKey*', 'kms:ReEncrypt*'].map((action) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`, reason: KMS_FAMILY_REASON,
      })));
    }
  }
  return { awsPcaAuthorityArn: options.certificateAuthority.certificateAuthorityArn, kmsKey: options.kmsKey, role };
}

/** The aws-cdk-lib access log configuration. */
export function serviceConnectAccessLogs(options: ServiceConnectAccessLogOptions | undefined): ecs.ServiceConnectAccessLogConfiguration | undefined {
  if (!options) return undefined;
  return { format: options.format ?? ecs.ServiceConnectAccessLogFormat.JSON, includeQueryParameters: options.includeQueryParameters ?? false };
}

const KMS_FAMILY_REASON = 'grantEncryptDecrypt on the one key given as serviceConnect.tls.kmsKey (the Resource is that key\'s ARN): '
  + 'kms:GenerateDataKey* and kms:ReEncrypt* are KMS action families on that key, and ECS documents no narrower set for Service Connect TLS.';

function createTlsRole(scope: Construct): iam.IRole {
  // Trust as AWS documents it for the ECS infrastructure role.
  const role = new ManagedGrantsRole(scope, 'ServiceConnectTlsRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: `ECS infrastructure role of ${scope.node.path}: Service Connect TLS certificates from AWS Private CA`,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(TLS_POLICY)],
  }, 'KMS key use for Service Connect TLS');
  Validations.of(role).acknowledge({
    id: `AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${TLS_POLICY}]`,
    reason: 'AWS documents this AWS-maintained policy for the ECS infrastructure role that issues and rotates Service Connect TLS certificates.',
  });
  return role;
}
