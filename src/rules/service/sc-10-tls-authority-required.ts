import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toObject } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

export const SC10_TLS_AUTHORITY_REQUIRED: ResourceRule = {
  id: 'ECS-SC-10',
  title: 'Service Connect TLS names its issuer certificate authority',
  area: 'service',
  severity: Severity.ERROR,
  description: 'A Service Connect service with Tls needs Tls.IssuerCertificateAuthority.AwsPcaAuthorityArn (IssuerCertificateAuthority is required). aws-cdk-lib renders an empty authority when ServiceConnectTlsConfiguration.awsPcaAuthorityArn is left out.',
  deployError: 'CreateService fails: Service Connect TLS configuration requires issuerCertificateAuthority.awsPcaAuthorityArn.',
  fix: 'Set the AWS Private CA (serviceConnect.tls.certificateAuthority), or remove Tls.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectTlsConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    return serviceConnectServices(service).flatMap(({ pointer, def }) => {
      if (def.Tls === undefined || isUnresolved(def.Tls)) return [];
      const tls = toObject(def.Tls);
      const issuer = tls?.IssuerCertificateAuthority;
      if (issuer !== undefined && isUnresolved(issuer)) return [];
      const arn = toObject(issuer)?.AwsPcaAuthorityArn;
      if (arn !== undefined && (isUnresolved(arn) || (typeof arn === 'string' && arn !== ''))) return [];
      return [{
        property: `${pointer}/Tls/IssuerCertificateAuthority/AwsPcaAuthorityArn`,
        value: arn,
        problem: 'Service Connect Tls has no IssuerCertificateAuthority.AwsPcaAuthorityArn',
        allowed: 'the ARN of an AWS Private CA certificate authority',
        fix: 'Set the certificate authority that issues the Service Connect certificates.',
      }];
    });
  },
};
