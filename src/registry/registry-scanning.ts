import { Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';
import { registerEnhancedScanning } from './scan-on-push';
import { fail } from '../errors';
import { ECR_REGISTRY_SCANNING, ECR_SCANNING_FILTER, isValidScanningFilter } from '../rules/tables/ecr-limits';

/** Registry scan type. */
export enum RegistryScanType {
  /** Amazon Inspector: OS and language packages, continuous rescans. Repository-level scanOnPush is then ignored (ER-14). */
  ENHANCED = 'ENHANCED',
  /** ECR basic scanning: on push (or manual) only. */
  BASIC = 'BASIC',
}

/** When images are scanned. */
export enum ScanFrequency {
  /** Scan each image when it is pushed. */
  SCAN_ON_PUSH = 'SCAN_ON_PUSH',
  /** Scan on push and again when new vulnerabilities are published (ENHANCED only). */
  CONTINUOUS_SCAN = 'CONTINUOUS_SCAN',
}

/** One scanning rule. */
export interface RegistryScanningRule {
  /** How often matching repositories are scanned. */
  readonly frequency: ScanFrequency;
  /**
   * Repository name filters (`*` wildcards), at most 100.
   * @default ['*'] - every repository
   */
  readonly repositoryFilters?: string[];
}

/** Properties of a RegistryScanning. */
export interface RegistryScanningProps {
  /**
   * Scan type of the registry.
   * @default RegistryScanType.ENHANCED
   */
  readonly scanType?: RegistryScanType;
  /**
   * Scanning rules, at most 2 (ECS-ER-19).
   *
   * ECR allows 2 rules per registry scanning configuration, such as one CONTINUOUS_SCAN and one SCAN_ON_PUSH
   * rule, each with up to 100 repository filters.
   * @default - one rule: CONTINUOUS_SCAN of every repository for ENHANCED, SCAN_ON_PUSH for BASIC
   */
  readonly rules?: RegistryScanningRule[];
}

/** The registry's scanning configuration (one per account and Region: ECS-ER-20 warns about a second one in the app). */
export class RegistryScanning extends Construct {
  /** The scan type in effect. */
  public readonly scanType: RegistryScanType;

  constructor(scope: Construct, id: string, props: RegistryScanningProps = {}) {
    super(scope, id);
    this.scanType = props.scanType ?? RegistryScanType.ENHANCED;
    if (this.scanType === RegistryScanType.ENHANCED) registerEnhancedScanning(this);
    const rules = props.rules ?? [{
      frequency: this.scanType === RegistryScanType.ENHANCED ? ScanFrequency.CONTINUOUS_SCAN : ScanFrequency.SCAN_ON_PUSH,
    }];
    if (rules.length > ECR_REGISTRY_SCANNING.maxRules) {
      fail({
        code: 'ECS-ER-19',
        problem: `RegistryScanning has ${rules.length} rules`,
        path: this.node.path,
        allowed: `at most ${ECR_REGISTRY_SCANNING.maxRules} rules per registry scanning configuration`,
        fix: 'Merge rules with the same frequency into one rule with several repositoryFilters (up to 100 each).',
      });
    }
    new ecr.CfnRegistryScanningConfiguration(this, 'Resource', {
      scanType: this.scanType,
      rules: rules.map((rule) => this.renderRule(rule)),
    });
  }

  private renderRule(rule: RegistryScanningRule): ecr.CfnRegistryScanningConfiguration.ScanningRuleProperty {
    if (this.scanType === RegistryScanType.BASIC && rule.frequency === ScanFrequency.CONTINUOUS_SCAN) {
      fail({
        code: 'KIT-REGISTRY-SCAN-FREQUENCY',
        problem: 'scan frequency CONTINUOUS_SCAN with scan type BASIC',
        path: this.node.path,
        allowed: 'BASIC: SCAN_ON_PUSH; ENHANCED: SCAN_ON_PUSH or CONTINUOUS_SCAN',
        fix: 'Use RegistryScanType.ENHANCED for continuous scanning.',
      });
    }
    const filters = rule.repositoryFilters ?? ['*'];
    if (filters.length === 0 || filters.length > ECR_SCANNING_FILTER.maxFiltersPerRule) {
      fail({
        code: 'KIT-REGISTRY-SCAN-FILTER',
        problem: `a scanning rule has ${filters.length} repository filters`,
        path: this.node.path,
        allowed: `1-${ECR_SCANNING_FILTER.maxFiltersPerRule} filters`,
        fix: "Leave repositoryFilters out (every repository) or use wildcards such as 'prod-*'.",
      });
    }
    for (const filter of filters) {
      if (Token.isUnresolved(filter) || isValidScanningFilter(filter)) continue;
      fail({
        code: 'KIT-REGISTRY-SCAN-FILTER',
        problem: `repositoryFilters entry '${filter}' is not a valid scanning filter`,
        path: this.node.path,
        allowed: ECR_SCANNING_FILTER.describe,
        fix: "Use a repository name pattern such as 'team/*'.",
      });
    }
    return {
      scanFrequency: rule.frequency,
      repositoryFilters: filters.map((filter) => ({ filter, filterType: ECR_SCANNING_FILTER.filterType })),
    };
  }
}
