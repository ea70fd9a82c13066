import { ResourceRule, RuleIssue, Severity } from '../rule';
import { ECR_REPOSITORY_NAME } from '../tables/ecr-limits';
import { show, toStr } from '../values';

const NAME = ECR_REPOSITORY_NAME.pattern;
const MIN = ECR_REPOSITORY_NAME.minLength;
const MAX = ECR_REPOSITORY_NAME.maxLength;

function valid(name: string): boolean {
  return name.length >= MIN && name.length <= MAX && NAME.test(name);
}

/** What a name breaks, as a predicate ("is too short (...); it contains ..."); also SecureRepository's message. */
export function repositoryNameProblems(name: string): string {
  return broken(name).join('; it ');
}

/** What the name breaks: length limits, characters, separator placement. */
function broken(name: string): string[] {
  const out: string[] = [];
  if (name.length < MIN) out.push(`is too short (${name.length} character${name.length === 1 ? '' : 's'}, at least ${MIN})`);
  if (name.length > MAX) out.push(`is too long (${name.length} characters, at most ${MAX})`);
  const bad = [...new Set(name.match(/[^a-z0-9._/-]/g) ?? [])];
  if (bad.length > 0) out.push(`contains ${bad.length === 1 ? 'the character' : 'the characters'} ${bad.slice(0, 10).map((c) => JSON.stringify(c)).join(' ')}${bad.length > 10 ? ' ...' : ''} (only lowercase letters, digits, . _ - and / are allowed)`);
  if (name.length > 0 && !NAME.test(name.toLowerCase().replace(/[^a-z0-9._/-]/g, 'x'))) out.push('has a separator (. _ - /) at the start or end, or two in a row');
  return out;
}

/** A valid name derived from an invalid one (lower case, bad characters and separator runs folded), or undefined when none can be derived. */
function suggest(name: string): string | undefined {
  let s = name.toLowerCase()
    .replace(/[^a-z0-9._/-]+/g, '-')
    .replace(/[._/-]{2,}/g, (run) => (run.includes('/') ? '/' : run[0]))
    .replace(/^[._/-]+|[._/-]+$/g, '');
  if (s.length > MAX) s = s.slice(0, MAX).replace(/[._/-]+$/, '');
  return valid(s) ? s : undefined;
}

export const ER01_REPOSITORY_NAME: ResourceRule = {
  id: 'ECS-ER-01',
  title: 'ECR repository name: 2-256 lowercase characters, digits and . _ - / separators',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks a literal RepositoryName of AWS::ECR::Repository against the ECR name format: 2 to 256 characters, lowercase letters and digits separated by single ., _, - or /.',
  deployError: 'CreateRepository fails: invalid repository name.',
  fix: 'Use lowercase letters and digits, separated by single ., _, - or /, 2 to 256 characters (e.g. team/web-app).',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html#ECR-CreateRepository-request-repositoryName',
  resourceTypes: ['AWS::ECR::Repository'],
  check(repo): RuleIssue[] {
    const name = toStr(repo.properties.RepositoryName);
    const issue = name === undefined ? undefined : repositoryNameIssue(name);
    return issue ? [issue] : [];
  },
};

/** What is wrong with a repository name, or undefined when ECR accepts it (also SecureRepository's check at construction). */
export function repositoryNameIssue(name: string): RuleIssue | undefined {
  if (valid(name)) return undefined;
  const suggestion = suggest(name);
  return {
    property: 'Properties/RepositoryName',
    value: name,
    problem: `repository name ${show(name)} ${repositoryNameProblems(name)}`,
    allowed: `${MIN}-${MAX} characters matching (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`,
    fix: suggestion !== undefined
      ? `Use e.g. ${JSON.stringify(suggestion)}.`
      : `Choose a name of ${MIN} to ${MAX} lowercase letters and digits, separated by single ., _, - or /.`,
  };
}
