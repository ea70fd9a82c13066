import { OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { toNumber } from '../../rules/values';

export const ORG_LOG_01_LOG_RETENTION: OrgRule = {
  id: 'ORG-LOG-01',
  title: 'Log groups keep logs long enough',
  area: 'org',
  severity: Severity.ERROR,
  description: 'CloudWatch log groups keep logs at least the standard\'s minimum retention (no RetentionInDays means never expire, which passes).',
  deployError: 'Deploys, but logs needed for audits or incident reviews expire too early.',
  fix: 'Raise the log group retention (kit tasks: logRetention).',
  source: 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html',
  resourceTypes: ['AWS::Logs::LogGroup'],
  appliesTo: (s) => s.minLogRetentionDays !== undefined,
  check(resource, _context, standard) {
    const days = toNumber(resource.properties.RetentionInDays);
    const min = standard.minLogRetentionDays ?? 0;
    if (days === undefined || days >= min) return [];
    return [{
      property: 'Properties/RetentionInDays',
      value: days,
      problem: `Log group retention ${days} days is shorter than the ${min} days ${standardLabel(standard)} requires`,
      allowed: `${min} days or more, or never expire`,
      fix: `Set retention to at least ${min} days (e.g. logs.RetentionDays for ${min} days or more; kit tasks: logRetention)`,
    }];
  },
};
