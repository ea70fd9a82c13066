/**
 * Whether an IAM policy's Resource pattern (with `*` and `?`) can name a resource of the app, from the ARN shape the
 * resource's literal name gives it. The partition, Region and account are unknown in a template, and a secret's ARN
 * ends in 6 random characters: they are wildcards on the resource's side, so only a pattern that names another
 * resource for sure (another parameter path, another secret name, another repository) fails to match.
 */
import { TemplateResource } from '../model';
import { toStr } from '../values';

/** The resource's ARN as a glob, or undefined when its type or name does not decide it. */
export function arnGlobOf(target: TemplateResource): string | undefined {
  const p = target.properties;
  switch (target.type) {
    case 'AWS::SSM::Parameter': {
      // arn:aws:ssm:region:account:parameter/app/a, for the names /app/a and app/a alike.
      const name = toStr(p.Name);
      return name && !/[*?]/.test(name) ? `arn:*:ssm:*:*:parameter${name.startsWith('/') ? '' : '/'}${name}` : undefined;
    }
    case 'AWS::SecretsManager::Secret': {
      const name = toStr(p.Name);
      return name && !/[*?]/.test(name) ? `arn:*:secretsmanager:*:*:secret:${name}-??????` : undefined;
    }
    case 'AWS::ECR::Repository': {
      const name = toStr(p.RepositoryName);
      return name && !/[*?]/.test(name) ? `arn:*:ecr:*:*:repository/${name}` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * True when some string matches both the policy's pattern and the resource's ARN glob. In the pattern `*` is any
 * characters and `?` one character; a `*` may cross colons, as a segment's trailing `*` does in IAM (a looser match
 * only makes the rule quieter). In the ARN glob `*` stands for one unknown segment (no colon) and `?` for one
 * random character of a secret's suffix (a letter or digit).
 */
export function globsIntersect(pattern: string, arn: string): boolean {
  const memo = new Map<number, boolean>();
  const width = arn.length + 1;
  const at = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: boolean;
    if (i === pattern.length && j === arn.length) r = true;
    else if (i < pattern.length && pattern[i] === '*') r = at(i + 1, j) || (j < arn.length && at(i, j + 1));
    else if (j < arn.length && arn[j] === '*') r = at(i, j + 1) || (i < pattern.length && pattern[i] !== ':' && at(i + 1, j));
    else if (i === pattern.length || j === arn.length) r = false;
    else if (arn[j] === '?') r = /[A-Za-z0-9?]/.test(pattern[i]) && at(i + 1, j + 1);
    else r = (pattern[i] === '?' || pattern[i] === arn[j]) && at(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return at(0, 0);
}
