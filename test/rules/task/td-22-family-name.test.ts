import * as fc from 'fast-check';
import { TD22_FAMILY_NAME as rule } from '../../../src/rules/task/td-22-family-name';
import { check, fargateTask } from '../helpers';

describe('ECS-TD-22 family format', () => {
  test('bad: dots and spaces; too long', () => {
    const [f] = check(rule, { T: fargateTask({ Family: 'my app.v2' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-22', severity: 'error', property: 'Properties/Family', value: '"my app.v2"' });
    expect(f.message).toContain('Family "my app.v2" contains " ", "."');
    expect(check(rule, { T: fargateTask({ Family: 'a'.repeat(256) }) })[0].message).toContain('Family is 256 characters long');
  });

  test('good: letters, digits, - and _; omitted', () => {
    expect(check(rule, { T: fargateTask({ Family: 'My_app-2' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask() })).toHaveLength(0);
  });

  test('skipped: Fn::Sub with variables', () => {
    expect(check(rule, { T: fargateTask({ Family: { 'Fn::Sub': '${AWS::StackName}-app' } }) })).toHaveLength(0);
  });

  test('property: any name from the allowed alphabet up to 255 characters passes', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,255}$/), (family) => check(rule, { T: fargateTask({ Family: family }) }).length === 0));
  });
});
