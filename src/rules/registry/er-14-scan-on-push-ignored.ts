import { StackModel } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toBool, toObject, toStr } from '../values';
import { REPOSITORY } from './lifecycle';

const REGISTRY_SCANNING = 'AWS::ECR::RegistryScanningConfiguration';

/** Same private registry: same literal account and Region, or both left env-agnostic. */
function sameRegistry(a: StackModel, b: StackModel): boolean {
  return a === b || (a.region === b.region && a.environment.account === b.environment.account);
}

export const ER14_SCAN_ON_PUSH_IGNORED: ResourceRule = {
  id: 'ECS-ER-14',
  title: 'Repository scanOnPush is ignored when the registry uses enhanced scanning',
  area: 'registry',
  severity: Severity.WARNING,
  description: 'Warns when a repository sets ImageScanningConfiguration.ScanOnPush while an AWS::ECR::RegistryScanningConfiguration of the same account and Region (as far as the stacks tell) sets ScanType ENHANCED: the repository-level basic-scanning flag has no effect then. Control Tower CT.ECR.PR.2 still requires the flag on every private repository, so the fix keeps it and acknowledges the warning.',
  deployError: 'Deploys, but the repository setting suggests scanning that the registry configuration decides instead.',
  fix: "Keep ScanOnPush true (Control Tower CT.ECR.PR.2 requires it; ECR ignores it under ENHANCED scanning), make sure a rule of the registry scanning configuration matches the repository, and acknowledge the warning with Validations.of(repository).acknowledge({ id: 'ECS-ER-14', reason }). SecureRepository does this itself.",
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const scan = toObject(repo.properties.ImageScanningConfiguration);
    if (!scan || toBool(scan.ScanOnPush) !== true) return [];
    const enhanced = ctx.assembly.ofType(REGISTRY_SCANNING)
      .find((r) => toStr(r.properties.ScanType) === 'ENHANCED' && sameRegistry(r.stack, repo.stack));
    if (!enhanced) return [];
    return [{
      property: 'Properties/ImageScanningConfiguration/ScanOnPush',
      value: scan.ScanOnPush,
      problem: `repository sets ScanOnPush true but registry scanning configuration ${enhanced.path} uses ENHANCED scanning`,
      allowed: 'ScanOnPush true kept as an acknowledged no-op under ENHANCED registry scanning (Control Tower CT.ECR.PR.2 requires it); the registry scanning rules decide what is scanned',
      fix: `Keep ScanOnPush true (Control Tower CT.ECR.PR.2 requires it), make sure a rule of ${enhanced.path} matches this repository, and acknowledge the warning: Validations.of(repository).acknowledge({ id: 'ECS-ER-14', reason: 'scan on push kept for CT.ECR.PR.2; ENHANCED registry scanning decides' }).`,
    }];
  },
};
