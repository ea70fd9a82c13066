import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber, toObject, toStr } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

export const SC08_TLS_TIMEOUTS: ResourceRule = {
  id: 'ECS-SC-08',
  title: 'Service Connect TLS authority is an ARN; timeouts are whole seconds, 0 or more',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ServiceConnectConfiguration.Services: Tls.IssuerCertificateAuthority.AwsPcaAuthorityArn must be an ARN, and Timeout.IdleTimeoutSeconds / PerRequestTimeoutSeconds whole numbers of 0 or more (0 turns the timeout off).',
  deployError: 'CreateService fails: invalid Service Connect TLS certificate authority ARN or timeout.',
  fix: 'Use the ARN of an AWS Private CA, and whole-second timeouts (0 to disable).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    return serviceConnectServices(service).flatMap(({ pointer, def }) => {
      const issues: RuleIssue[] = [];
      const pca = toObject(toObject(def.Tls)?.IssuerCertificateAuthority);
      const arn = toStr(pca?.AwsPcaAuthorityArn);
      if (arn !== undefined && !arn.startsWith('arn:')) {
        issues.push({ property: `${pointer}/Tls/IssuerCertificateAuthority/AwsPcaAuthorityArn`, value: arn, problem: `AwsPcaAuthorityArn ${JSON.stringify(arn)} is not an ARN`, allowed: 'arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>', fix: 'Use the full ARN of the private certificate authority.' });
      }
      const timeout = toObject(def.Timeout);
      for (const key of ['IdleTimeoutSeconds', 'PerRequestTimeoutSeconds']) {
        const v = toNumber(timeout?.[key]);
        if (v === undefined || (Number.isInteger(v) && v >= 0)) continue;
        issues.push({ property: `${pointer}/Timeout/${key}`, value: timeout![key], problem: `Service Connect ${key} ${v} is not valid`, allowed: 'whole seconds, 0 or more (0 disables the timeout)', fix: `Set ${key} to a whole number of seconds.` });
      }
      return issues;
    });
  },
};
