/** ECS-CT-35: an ECR image URI whose repository part ECR cannot have (API_CreateRepository repositoryName pattern). Found by the image supply-chain trial. */
import * as fc from 'fast-check';
import { CT35_ECR_IMAGE_REPOSITORY_NAME as rule } from '../../../src/rules/container/ct-35-ecr-image-repository-name';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const HOST = '111111111111.dkr.ecr.eu-west-1.amazonaws.com';

describe('ECS-CT-35 ECR image repository name', () => {
  test('bad: an uppercase repository path, with the lowercase name to use', () => {
    const [f, ...rest] = check(rule, { T: taskWith([{ Name: 'app', Image: `${HOST}/Team/App:1.0` }]) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-35', severity: 'error', property: 'Properties/ContainerDefinitions/0/Image', value: JSON.stringify(`${HOST}/Team/App:1.0`) });
    expect(f.message).toBe(`[ECS-CT-35] container 'app' pulls ${HOST}/Team/App:1.0, whose repository name "Team/App" contains the characters "T" "A" `
      + '(only lowercase letters, digits, . _ - and / are allowed) at TestStack/T; allowed: an ECR repository name: 2-256 characters matching '
      + '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*. Use the repository "team/app". Take the URI from the repository '
      + '(ContainerImage.fromEcrRepository) to avoid typing it.');
  });

  test('bad: a doubled separator or a one-character repository, also behind a digest; each container judged', () => {
    const found = check(rule, {
      T: taskWith([
        { Name: 'a', Image: `${HOST}/team//app@sha256:${'a'.repeat(64)}` },
        { Name: 'b', Image: `${HOST}/x:1` },
        { Name: 'c', Image: `${HOST}/team/app:1` },
      ]),
    });
    expect(found.map((f) => f.property)).toEqual(['Properties/ContainerDefinitions/0/Image', 'Properties/ContainerDefinitions/1/Image']);
    expect(found[1].message).toContain('repository name "x" is too short (1 character, at least 2)');
  });

  test('good and skipped: valid ECR URIs (FIPS, China), other registries with capitals in a tag, intrinsics and tokens', () => {
    expect(check(rule, {
      T: taskWith([
        { Name: 'a', Image: `${HOST}/team/web-app_1.2:Release-7` },
        { Name: 'b', Image: '111111111111.dkr.ecr-fips.us-east-1.amazonaws.com/app:1' },
        { Name: 'c', Image: '111111111111.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1' },
        { Name: 'd', Image: 'public.ecr.aws/nginx/nginx:1.27' },
        { Name: 'e', Image: { 'Fn::Sub': `${HOST}/\${Repo}:1` } },
        { Name: 'f', Image: '${Token[TOKEN.1]}' },
      ]),
    })).toEqual([]);
  });

  test('property: a valid ECR repository name never draws a finding, with any tag', () => {
    const part = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const name = fc.array(fc.tuple(part, fc.constantFrom('.', '_', '-', '/'), part), { minLength: 1, maxLength: 3 })
      .map((xs) => xs.map(([a, sep, b]) => `${a}${sep}${b}`).join('/'));
    fc.assert(fc.property(name, fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), (repo, tag) =>
      check(rule, { T: taskWith([{ Name: 'a', Image: `${HOST}/${repo}:${tag}` }]) }).length === 0));
  });
});
