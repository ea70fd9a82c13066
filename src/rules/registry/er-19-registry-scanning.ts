import { ResourceRule, RuleIssue, Severity } from '../rule';
import { ECR_REGISTRY_SCANNING } from '../tables/ecr-limits';
import { toArray, toObject, toStr } from '../values';

const RULES = 'Properties/Rules';

export const ER19_REGISTRY_SCANNING: ResourceRule = {
  id: 'ECS-ER-19',
  title: 'ECR registry scanning configuration: at most 2 rules, and no continuous scanning with BASIC',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks AWS::ECR::RegistryScanningConfiguration: at most 2 scanning rules (RegistryScanningConfiguration.rules: "Maximum number of 2 items"), '
    + 'and no rule with ScanFrequency CONTINUOUS_SCAN when ScanType is BASIC (basic scanning supports scan on push and manual scans; continuous scanning is enhanced scanning).',
  deployError: 'PutRegistryScanningConfiguration fails: too many rules, or a scan frequency the scan type does not support.',
  fix: 'Merge the repository filters into at most 2 rules (one per scan frequency), and use ScanType ENHANCED for CONTINUOUS_SCAN.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_RegistryScanningConfiguration.html',
  resourceTypes: ['AWS::ECR::RegistryScanningConfiguration'],
  check(res): RuleIssue[] {
    const rules = toArray(res.properties.Rules);
    if (!rules) return [];
    const issues: RuleIssue[] = [];
    const max = ECR_REGISTRY_SCANNING.maxRules;
    if (rules.length > max) {
      issues.push({
        property: RULES,
        value: `${rules.length} rules`,
        problem: `registry scanning configuration has ${rules.length} rules`,
        allowed: `at most ${max} rules`,
        fix: 'Merge rules with the same ScanFrequency into one rule with several repository filters (up to 100 each).',
      });
    }
    if (toStr(res.properties.ScanType) === 'BASIC') {
      rules.forEach((raw, i) => {
        const frequency = toStr(toObject(raw)?.ScanFrequency);
        if (frequency !== 'CONTINUOUS_SCAN') return;
        issues.push({
          property: `${RULES}/${i}/ScanFrequency`,
          value: frequency,
          problem: `scanning rule #${i} has ScanFrequency CONTINUOUS_SCAN with ScanType BASIC`,
          allowed: `with BASIC: ${ECR_REGISTRY_SCANNING.frequencies.BASIC.join(' or ')}; CONTINUOUS_SCAN needs ENHANCED`,
          fix: 'Set ScanType ENHANCED (Amazon Inspector) for continuous scanning, or use ScanFrequency SCAN_ON_PUSH.',
        });
      });
    }
    return issues;
  },
};
