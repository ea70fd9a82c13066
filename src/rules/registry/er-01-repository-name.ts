import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';

const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const ER01_REPOSITORY_NAME: ResourceRule = {
  id: 'ECS-ER-01',
  title: 'ECR repository name: 2-256 lowercase characters, digits and . _ - / separators',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks a literal RepositoryName of AWS::ECR::Repository against the ECR name format.',
  deployError: 'CreateRepository fails: invalid repository name.',
  fix: 'Use lowercase letters and digits, separated by single ., _, - or /, 2 to 256 characters (e.g. team/web-app).',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html#ECR-CreateRepository-request-repositoryName',
  resourceTypes: ['AWS::ECR::Repository'],
  check(repo): RuleIssue[] {
    const name = toStr(repo.properties.RepositoryName);
    if (name === undefined || (name.length >= 2 && name.length <= 256 && NAME.test(name))) return [];
    return [{ property: 'Properties/RepositoryName', value: name, problem: `repository name ${JSON.stringify(name)} is not valid`, allowed: '2-256 characters matching (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*', fix: `Use e.g. ${JSON.stringify(name.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'my-repo')}.` }];
  },
};
