/** IAM Resource patterns against the ARN shapes of the app's resources (ECS-RC-03). */
import * as fc from 'fast-check';
import { arnGlobOf, globsIntersect } from '../../../src/rules/reach/arn-pattern';
import { assemblyOf } from '../helpers';

/** The pattern as a regular expression: `*` any characters (colons too), `?` one. */
const regexOf = (glob: string) => new RegExp(`^${glob.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('')}$`, 's');

describe('globsIntersect', () => {
  test('examples', () => {
    const param = 'arn:*:ssm:*:*:parameter/app/a';
    expect(globsIntersect('arn:aws:ssm:*:*:parameter/app/*', param)).toBe(true);
    expect(globsIntersect('arn:aws:ssm:*:*:parameter/other/*', param)).toBe(false);
    expect(globsIntersect('*', param)).toBe(true);
    expect(globsIntersect('arn:aws:ssm:eu-west-1:111111111111:parameter/app/a', param)).toBe(true);
    // An unknown segment holds no colon, so a pattern cannot hide its path in the Region.
    expect(globsIntersect('arn:aws:ssm:*:*:parameter/other/*:parameter/app/a', param)).toBe(false);
    const secret = 'arn:*:secretsmanager:*:*:secret:prod/db-??????';
    expect(globsIntersect('arn:aws:secretsmanager:*:*:secret:prod/db-AbC*', secret)).toBe(true);
    expect(globsIntersect('arn:aws:secretsmanager:*:*:secret:prod/db-AbCdEfG', secret)).toBe(false);
    expect(globsIntersect('arn:aws:secretsmanager:*:*:secret:prod/db', secret)).toBe(false);
  });

  const chars = fc.constantFrom('a', 'b', ':', '/', '-', '*', '?');
  const literal = fc.array(fc.constantFrom('a', 'b', ':', '/', '-'), { maxLength: 12 }).map((a) => a.join(''));
  const pattern = fc.array(chars, { maxLength: 12 }).map((a) => a.join(''));

  test('against a literal ARN it is glob matching', () => {
    fc.assert(fc.property(pattern, literal, (p, s) => globsIntersect(p, s) === regexOf(p).test(s)), { numRuns: 2000 });
  });

  test('never rules out an ARN that some value of its unknown segments would give', () => {
    const segment = fc.array(fc.constantFrom('a', 'b', '/', '-'), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(fc.property(pattern, fc.array(fc.oneof(literal, fc.constant('*')), { maxLength: 4 }), fc.array(segment, { minLength: 4, maxLength: 4 }),
      (p, parts, values) => {
        const glob = parts.join('');
        let k = 0;
        const concrete = parts.map((x) => (x === '*' ? values[k++ % values.length] : x)).join('');
        return !regexOf(p).test(concrete) || globsIntersect(p, glob);
      }), { numRuns: 2000 });
  });
});

describe('arnGlobOf', () => {
  const res = (type: string, props: Record<string, unknown>) => assemblyOf({ R: { Type: type, Properties: props } }).stacks[0].resources[0];
  test('parameters, secrets and repositories with literal names; undecided otherwise', () => {
    expect(arnGlobOf(res('AWS::SSM::Parameter', { Name: '/app/a' }))).toBe('arn:*:ssm:*:*:parameter/app/a');
    expect(arnGlobOf(res('AWS::SSM::Parameter', { Name: 'app' }))).toBe('arn:*:ssm:*:*:parameter/app');
    expect(arnGlobOf(res('AWS::SecretsManager::Secret', { Name: 'prod/db' }))).toBe('arn:*:secretsmanager:*:*:secret:prod/db-??????');
    expect(arnGlobOf(res('AWS::ECR::Repository', { RepositoryName: 'shop/web' }))).toBe('arn:*:ecr:*:*:repository/shop/web');
    expect(arnGlobOf(res('AWS::SSM::Parameter', { Name: { Ref: 'P' } }))).toBeUndefined();
    expect(arnGlobOf(res('AWS::SecretsManager::Secret', {}))).toBeUndefined();
    expect(arnGlobOf(res('AWS::S3::Bucket', { BucketName: 'b' }))).toBeUndefined();
  });
});
