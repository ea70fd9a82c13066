import { ER17_LIFECYCLE_POLICY_SHAPE as er17 } from '../../../src/rules/registry/er-17-lifecycle-policy-shape';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const POLICY = 'Properties/LifecyclePolicy/LifecyclePolicyText';
const text = (t: unknown) => ({ Type: 'AWS::ECR::Repository', Properties: { LifecyclePolicy: { LifecyclePolicyText: t } } });
const good = { rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 10 }, action: { type: 'expire' } };
const rules = (...list: unknown[]) => text(JSON.stringify({ rules: list }));
const EXAMPLE = '{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}';
const POLICY_ALLOWED = 'allowed: a JSON object with a non-empty rules array';
const ACTION_ALLOWED = 'allowed: action.type expire or transition (transition with targetStorageClass archive)';

describe('ECS-ER-17 lifecycle policy shape', () => {
  test('bad: text that is not JSON names the parser error', () => {
    const truncated = '{"rules":[{"rulePriority":1,';
    let parserError = '';
    try {
      JSON.parse(truncated);
    } catch (e) {
      parserError = (e as Error).message;
    }
    const [f] = check(er17, { R: text(truncated) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-17', severity: 'error', property: POLICY, value: JSON.stringify(truncated) });
    expect(f.message).toBe(`[ECS-ER-17] LifecyclePolicyText "{\\"rules\\":[{\\"rulePriority\\":1," is not valid JSON (${parserError}) at TestStack/R; ${POLICY_ALLOWED}. `
      + `Fix the JSON syntax (build the text with JSON.stringify), e.g. ${EXAMPLE}.`);
  });

  test('bad: JSON without a rules array, or not an object', () => {
    expect(check(er17, { R: text('{"rule":[]}') })[0].message).toBe(`[ECS-ER-17] LifecyclePolicyText has no rules array at TestStack/R; ${POLICY_ALLOWED}. `
      + `Put the lifecycle rules in a top-level "rules" array, e.g. ${EXAMPLE}.`);
    expect(check(er17, { R: text('{"rules":{"rulePriority":1}}') })[0].message).toContain('LifecyclePolicyText has rules {"rulePriority":1}, not an array at TestStack/R');
    expect(check(er17, { R: text(JSON.stringify([good])) })[0].message).toContain('LifecyclePolicyText is JSON [{"rulePriority":1,');
    expect(check(er17, { R: text('null') })[0].message).toContain('LifecyclePolicyText is JSON null, not an object');
  });

  test('bad: an empty rules array (ECR needs at least one rule)', () => {
    expect(check(er17, { R: text('{"rules":[]}') }).map((f) => f.message)).toEqual([
      `[ECS-ER-17] LifecyclePolicyText has an empty rules array at TestStack/R; ${POLICY_ALLOWED} (at least one rule). Add at least one lifecycle rule, or remove LifecyclePolicy from the repository.`,
    ]);
  });

  test('bad: a rule that is not an object, or has no selection', () => {
    expect(check(er17, { R: rules(good, 'expire') })[0].message).toBe('[ECS-ER-17] lifecycle rule #1 is "expire", not an object at TestStack/R; '
      + 'allowed: each rule an object with rulePriority, selection and action. Replace rule #1 with an object such as '
      + '{"rulePriority":2,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}}.');
    expect(check(er17, { R: rules({ ...good, selection: undefined }) })[0].message).toBe('[ECS-ER-17] lifecycle rule #0 (rulePriority 1) has no selection at TestStack/R; '
      + 'allowed: a selection object with tagStatus, countType and countNumber. '
      + 'Give rule #0 a selection, e.g. "selection": {"tagStatus": "untagged", "countType": "imageCountMoreThan", "countNumber": 10}.');
  });

  test('bad: a rule without action, an action without type, an undocumented or upper-case type', () => {
    const { action: _omitted, ...noAction } = good;
    expect(check(er17, { R: rules(noAction) })[0].message).toBe(`[ECS-ER-17] lifecycle rule #0 (rulePriority 1) has no action at TestStack/R; ${ACTION_ALLOWED}. `
      + 'Add "action": {"type": "expire"} to rule #0 (or {"type": "transition", "targetStorageClass": "archive"} to archive images).');
    expect(check(er17, { R: rules({ ...good, action: 'expire' }) })[0].message).toContain('has action "expire", not an object');
    expect(check(er17, { R: rules({ ...good, action: {} }) })[0].message).toContain('lifecycle rule #0 (rulePriority 1) has an action without type at TestStack/R');
    expect(check(er17, { R: rules({ ...good, action: { type: 'delete' } }) })[0].message).toBe(`[ECS-ER-17] lifecycle rule #0 (rulePriority 1) has action.type "delete" at TestStack/R; ${ACTION_ALLOWED}. `
      + 'Set action.type of rule #0 to "expire" (delete the images) or "transition" (with "targetStorageClass": "archive", move them to archive storage).');
    const [upper] = check(er17, { R: rules({ ...good, action: { type: 'EXPIRE' } }) });
    expect(upper).toMatchObject({ property: POLICY, value: '"EXPIRE"' });
    expect(upper.message).toContain('Write action.type of rule #0 in lower case: "expire".');
  });

  test('good: expire and transition rules; a policy built with JSON.stringify', () => {
    const transition = { rulePriority: 2, selection: { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 }, action: { type: 'transition', targetStorageClass: 'archive' } };
    expect(check(er17, { R: rules(good, transition) })).toEqual([]);
    expect(check(er17, { R: text(`  {"rules": [${JSON.stringify(good)}]}\n`) })).toEqual([]);
  });

  test('skipped: text that does not resolve to a literal (token, intrinsic, parameter, dynamic reference); no policy', () => {
    expect(check(er17, { R: text(TOKEN) })).toEqual([]);
    expect(check(er17, { R: text({ Ref: 'PolicyText' }) })).toEqual([]);
    expect(check(er17, { R: text({ 'Fn::Join': ['', ['{"rules":', { Ref: 'Rules' }, '}']] }) })).toEqual([]);
    expect(check(er17, { R: text('{{resolve:ssm:/ecr/lifecycle}}') })).toEqual([]);
    expect(check(er17, { R: { Type: 'AWS::ECR::Repository', Properties: {} } })).toEqual([]);
  });
});
