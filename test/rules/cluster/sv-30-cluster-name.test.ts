import { SV30_CLUSTER_NAME as rule } from '../../../src/rules/cluster/sv-30-cluster-name';
import { check } from '../helpers';

const cluster = (name: unknown) => ({ Type: 'AWS::ECS::Cluster', Properties: name === undefined ? {} : { ClusterName: name } });

describe('ECS-SV-30 cluster name', () => {
  test('bad: a slash and a dot, with a suggested name', () => {
    const [f] = check(rule, { C: cluster('team/prod.v1') });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-30', severity: 'error', property: 'Properties/ClusterName', value: '"team/prod.v1"' });
    expect(f.message).toContain('ClusterName "team/prod.v1" contains "/", "."');
    expect(f.message).toContain('allowed: 1 to 255 letters, digits, hyphens (-) and underscores (_)');
    expect(f.message).toContain('"team-prod-v1"');
  });

  test('bad: empty and 256 characters; good: 255 characters', () => {
    expect(check(rule, { C: cluster('') })[0].message).toContain('is empty');
    expect(check(rule, { C: cluster('c'.repeat(256)) })).toHaveLength(1);
    expect(check(rule, { C: cluster('C'.repeat(255)) })).toHaveLength(0);
  });

  test('skipped: generated and unresolved names', () => {
    expect(check(rule, { C: cluster(undefined) })).toHaveLength(0);
    expect(check(rule, { C: cluster({ 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'c']] }) })).toHaveLength(0);
    expect(check(rule, { C: cluster('${Token[TOKEN.5]}') })).toHaveLength(0);
  });
});
