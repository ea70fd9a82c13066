import { CT31_IMAGE_REQUIRED as rule } from '../../../src/rules/container/ct-31-image-required';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

describe('ECS-CT-31 container image', () => {
  test('bad: an empty or blank Image, and no Image (found by a user trial)', () => {
    const [empty, blank, missing, ...rest] = check(rule, { T: taskWith([{ Name: 'app', Image: '' }, { Name: 'b', Image: '  ' }, { Name: 'c' }, { Name: 'd', Image: 'nginx' }]) });
    expect(rest).toEqual([]);
    expect(empty).toMatchObject({ ruleId: 'ECS-CT-31', severity: 'error', property: 'Properties/ContainerDefinitions/0/Image', value: '""' });
    expect(empty.message).toBe("[ECS-CT-31] container 'app' has an empty Image at TestStack/T; allowed: an image reference, e.g. public.ecr.aws/nginx/nginx:1.27 "
      + "or an ECR repository URI with a tag or digest. Set the image of container 'app'; if it comes from a variable, check that the variable is set where synth runs.");
    expect(blank.property).toBe('Properties/ContainerDefinitions/1/Image');
    expect(missing.message).toContain("container 'c' has no Image at TestStack/T");
  });

  test('good and skipped: a literal image, an intrinsic or token', () => {
    expect(check(rule, { T: taskWith([{ Name: 'a', Image: 'nginx:1.27' }, { Name: 'b', Image: { 'Fn::Sub': '${Repo}:1' } }, { Name: 'c', Image: '${Token[TOKEN.1]}' }]) })).toEqual([]);
  });
});
