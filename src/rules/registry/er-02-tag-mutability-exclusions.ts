import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';
import { REPOSITORY } from './lifecycle';

const WITH_EXCLUSION = ['IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'];
const FILTER = /^[0-9a-zA-Z._*-]{1,128}$/;

export const ER02_TAG_MUTABILITY_EXCLUSIONS: ResourceRule = {
  id: 'ECS-ER-02',
  title: 'ECR tag mutability exclusion filters: only and always with *_WITH_EXCLUSION, 1-5 WILDCARD filters',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks ImageTagMutabilityExclusionFilters of AWS::ECR::Repository: given only (and always) with ImageTagMutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, 1 to 5 filters, values of 1-128 characters [0-9a-zA-Z._*-].',
  deployError: 'CreateRepository / PutImageTagMutability fails: invalid image tag mutability exclusion filters.',
  fix: 'Use ImageTagMutability IMMUTABLE_WITH_EXCLUSION (or MUTABLE_WITH_EXCLUSION) with 1 to 5 WILDCARD filters such as "latest" or "dev-*".',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageTagMutabilityExclusionFilter.html',
  resourceTypes: [REPOSITORY],
  check(repo): RuleIssue[] {
    const p = repo.properties;
    const mutability = p.ImageTagMutability === undefined ? 'MUTABLE' : toStr(p.ImageTagMutability);
    // A value ECR does not know (e.g. "mutable") is ECS-CF-02's to report.
    if (mutability === undefined || !['MUTABLE', 'IMMUTABLE', ...WITH_EXCLUSION].includes(mutability)) return [];
    const filters = p.ImageTagMutabilityExclusionFilters === undefined ? [] : toArray(p.ImageTagMutabilityExclusionFilters);
    if (!filters) return [];
    const pointer = 'Properties/ImageTagMutabilityExclusionFilters';
    const withExclusion = WITH_EXCLUSION.includes(mutability);
    if (!withExclusion && filters.length > 0) {
      return [{ property: pointer, value: p.ImageTagMutabilityExclusionFilters, problem: `exclusion filters with ImageTagMutability ${mutability}`, allowed: 'exclusion filters only with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION', fix: `Set ImageTagMutability to ${mutability}_WITH_EXCLUSION, or remove the filters.` }];
    }
    if (!withExclusion) return [];
    if (filters.length < 1 || filters.length > 5) {
      return [{ property: pointer, value: p.ImageTagMutabilityExclusionFilters, problem: `ImageTagMutability ${mutability} with ${filters.length} exclusion filters`, allowed: '1 to 5 exclusion filters', fix: filters.length === 0 ? 'Add an exclusion filter, or drop _WITH_EXCLUSION.' : 'Keep at most 5 filters.' }];
    }
    const issues: RuleIssue[] = [];
    filters.forEach((f, i) => {
      const obj = toObject(f);
      const value = toStr(obj?.ImageTagMutabilityExclusionFilterValue);
      const type = toStr(obj?.ImageTagMutabilityExclusionFilterType);
      if (value !== undefined && !FILTER.test(value)) {
        issues.push({ property: `${pointer}/${i}/ImageTagMutabilityExclusionFilterValue`, value, problem: `exclusion filter ${JSON.stringify(value)} is not valid`, allowed: '1-128 characters of [0-9a-zA-Z._*-]', fix: 'Use letters, digits, . _ - and * only.' });
      }
      if (type !== undefined && type !== 'WILDCARD') {
        issues.push({ property: `${pointer}/${i}/ImageTagMutabilityExclusionFilterType`, value: type, problem: `exclusion filter type ${type}`, allowed: 'WILDCARD', fix: 'Set ImageTagMutabilityExclusionFilterType to WILDCARD.' });
      }
    });
    return issues;
  },
};
