import * as fc from 'fast-check';
import { SV02_SINGLE_BASE as sv02 } from '../../../src/rules/service/sv-02-single-base';
import { SV03_WEIGHT_BASE_RANGE as sv03 } from '../../../src/rules/service/sv-03-weight-base-range';
import { SV04_NO_FARGATE_ASG_MIX as sv04 } from '../../../src/rules/service/sv-04-no-fargate-asg-mix';
import { SV05_PROVIDER_ASSOCIATED as sv05 } from '../../../src/rules/service/sv-05-provider-associated';
import { check } from '../helpers';
import { asgProvider, associations, cluster, item, service } from './fixtures';

const fargateCluster = {
  Cluster: cluster(),
  Assoc: associations({ Ref: 'Cluster' }, ['FARGATE', 'FARGATE_SPOT']),
};

describe('ECS-SV-02 single non-zero base', () => {
  test('bad: service strategy with two bases', () => {
    const [f, ...rest] = check(sv02, { ...fargateCluster, Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1, 2), item('FARGATE_SPOT', 3, 1)] }) });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-SV-02', severity: 'error', property: 'Properties/CapacityProviderStrategy/1/Base', value: '1' });
    expect(f.message).toContain('CapacityProviderStrategy gives a non-zero Base to 2 providers (FARGATE base 2, FARGATE_SPOT base 1)');
    expect(f.message).toContain('Keep the base on FARGATE');
  });

  test('bad: cluster default strategies (Cluster and ClusterCapacityProviderAssociations)', () => {
    const strategy = [item('FARGATE', 1, 1), item('FARGATE_SPOT', 1, 1)];
    const findings = check(sv02, {
      Cluster: cluster({ CapacityProviders: ['FARGATE', 'FARGATE_SPOT'], DefaultCapacityProviderStrategy: strategy }),
      Assoc: associations({ Ref: 'Cluster' }, ['FARGATE', 'FARGATE_SPOT'], strategy),
    });
    expect(findings.map((f) => f.property)).toEqual(['Properties/DefaultCapacityProviderStrategy/1/Base', 'Properties/DefaultCapacityProviderStrategy/1/Base']);
  });

  test('good: one base; skipped: unresolved base', () => {
    expect(check(sv02, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1, 2), item('FARGATE_SPOT', 3, 0)] }) })).toHaveLength(0);
    expect(check(sv02, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1, 2), item('FARGATE_SPOT', 3, { Ref: 'Base' })] }) })).toHaveLength(0);
    expect(check(sv02, { Svc: service({ CapacityProviderStrategy: { 'Fn::If': ['C', [], []] } }) })).toHaveLength(0);
  });

  test('property: flagged exactly when two or more bases are above 0', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 6 }), (bases) => {
      const strategy = bases.map((b, i) => item(i % 2 ? 'FARGATE' : 'FARGATE_SPOT', 1, b));
      const found = check(sv02, { Svc: service({ CapacityProviderStrategy: strategy }) }).length;
      return found === (bases.filter((b) => b > 0).length >= 2 ? 1 : 0);
    }));
  });
});

describe('ECS-SV-03 weight and base ranges', () => {
  test('bad: weight 1001 and base 100001 name the item and the range', () => {
    const findings = check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1001, 100001)] }) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-SV-03', 'error', 'Properties/CapacityProviderStrategy/0/Weight'],
      ['ECS-SV-03', 'error', 'Properties/CapacityProviderStrategy/0/Base'],
    ]);
    expect(findings[0].message).toContain('capacity provider FARGATE has Weight 1001');
    expect(findings[0].message).toContain('allowed: 0 to 1000');
    expect(findings[1].message).toContain('allowed: 0 to 100000');
  });

  test('bad: several providers all with weight 0 (omitted weight counts as 0)', () => {
    const [f] = check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 0, 1), item('FARGATE_SPOT')] }) });
    expect(f.property).toBe('Properties/CapacityProviderStrategy');
    expect(f.message).toContain('all 2 providers of CapacityProviderStrategy have Weight 0');
  });

  test('good: a single provider with weight 0 is accepted; skipped: unresolved weight', () => {
    expect(check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 0, 1)] }) })).toHaveLength(0);
    expect(check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 0), item('FARGATE_SPOT', { Ref: 'W' })] }) })).toHaveLength(0);
    expect(check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', '${Token[TOKEN.12]}')] }) })).toHaveLength(0);
  });

  test('property: weights in range with one above 0 pass; out of range fail', () => {
    const weight = fc.integer({ min: 0, max: 1000 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), weight, fc.integer({ min: 0, max: 100000 }), (w1, w2, base) => {
      return check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', w1, base), item('FARGATE_SPOT', w2)] }) }).length === 0;
    }));
    fc.assert(fc.property(fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 1001 })), (w) => {
      return check(sv03, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', w)] }) }).length === 1;
    }));
  });
});

describe('ECS-SV-04 Fargate and ASG providers not mixed', () => {
  const cp = { Cp: asgProvider() };
  test('bad: service strategy mixes FARGATE with an ASG provider', () => {
    const [f] = check(sv04, { ...cp, Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1), item({ Ref: 'Cp' }, 1)] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-04', severity: 'error', property: 'Properties/CapacityProviderStrategy/1/CapacityProvider' });
    expect(f.message).toContain('mixes Fargate providers (FARGATE) with Auto Scaling group providers (TestStack/Cp)');
  });

  test('bad: cluster default strategy with a literal name of an ASG provider in the assembly', () => {
    const findings = check(sv04, {
      Cp: asgProvider({ Name: 'cp-workers' }),
      Assoc: associations('my-cluster', ['FARGATE', 'cp-workers'], [item('FARGATE_SPOT', 1), item('cp-workers', 1)]),
    });
    expect(findings.map((f) => f.property)).toEqual(['Properties/DefaultCapacityProviderStrategy/1/CapacityProvider']);
  });

  test('good: only Fargate; skipped: provider of unknown kind or unresolved', () => {
    expect(check(sv04, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1), item('FARGATE_SPOT', 1)] }) })).toHaveLength(0);
    expect(check(sv04, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1), item('external-cp', 1)] }) })).toHaveLength(0);
    expect(check(sv04, { Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1), item({ Ref: 'CpParam' }, 1)] }) })).toHaveLength(0);
  });
});

describe('ECS-SV-05 providers associated with the cluster', () => {
  test('bad: FARGATE_SPOT not enabled on the cluster', () => {
    const [f, ...rest] = check(sv05, {
      Cluster: cluster(),
      Assoc: associations({ Ref: 'Cluster' }, ['FARGATE']),
      Svc: service({ CapacityProviderStrategy: [item('FARGATE', 1), item('FARGATE_SPOT', 3)] }),
    });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-SV-05', severity: 'error', property: 'Properties/CapacityProviderStrategy/1/CapacityProvider', value: '"FARGATE_SPOT"' });
    expect(f.message).toContain('capacity provider FARGATE_SPOT in CapacityProviderStrategy is not associated with cluster TestStack/Cluster');
    expect(f.message).toContain('allowed: providers associated with the cluster: FARGATE');
    expect(f.message).toContain('Enable FARGATE_SPOT on the cluster');
  });

  test('bad: ASG provider not associated; cluster referenced by literal name and by GetAtt', () => {
    const resources = {
      Cluster: cluster({ ClusterName: 'prod' }),
      Cp: asgProvider(),
      Other: asgProvider(),
      Assoc: associations('prod', [{ Ref: 'Cp' }]),
    };
    expect(check(sv05, { ...resources, Svc: service({ Cluster: 'prod', CapacityProviderStrategy: [item({ Ref: 'Other' }, 1)] }) })).toHaveLength(1);
    expect(check(sv05, { ...resources, Svc: service({ Cluster: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, CapacityProviderStrategy: [item({ Ref: 'Other' }, 1)] }) })).toHaveLength(1);
    expect(check(sv05, { ...resources, Svc: service({ CapacityProviderStrategy: [item({ Ref: 'Cp' }, 1)] }) })).toHaveLength(0);
  });

  test('bad: cluster default strategy outside the association list and outside the cluster list', () => {
    const findings = check(sv05, {
      Cluster: cluster({ CapacityProviders: ['FARGATE'], DefaultCapacityProviderStrategy: [item('FARGATE_SPOT', 1)] }),
      Assoc: associations('other-cluster', ['FARGATE'], [item('FARGATE', 1), item('FARGATE_SPOT', 1)]),
      Other: cluster({ ClusterName: 'other-cluster' }),
    });
    expect(findings.map((f) => `${f.logicalId} ${f.property}`)).toEqual([
      'Cluster Properties/DefaultCapacityProviderStrategy/0/CapacityProvider',
      'Assoc Properties/DefaultCapacityProviderStrategy/1/CapacityProvider',
    ]);
    expect(findings[1].message).toContain('FARGATE_SPOT in DefaultCapacityProviderStrategy is not associated with cluster TestStack/Other');
  });

  test('skipped: cluster or associations unresolved, cluster outside the assembly', () => {
    const strategy = { CapacityProviderStrategy: [item('FARGATE_SPOT', 1)] };
    // an association whose cluster is a parameter might target this cluster
    expect(check(sv05, { Cluster: cluster(), A: associations({ Ref: 'ClusterParam' }, ['FARGATE_SPOT']), Svc: service(strategy) })).toHaveLength(0);
    expect(check(sv05, { Cluster: cluster(), A: associations({ Ref: 'Cluster' }, [{ Ref: 'CpParam' }]), Svc: service(strategy) })).toHaveLength(0);
    expect(check(sv05, { Svc: service({ ...strategy, Cluster: 'imported-cluster' }) })).toHaveLength(0);
    expect(check(sv05, { Svc: service({ ...strategy, Cluster: { Ref: 'ClusterParam' } }) })).toHaveLength(0);
  });

  test('skipped: a literal provider name that may be the generated name of an associated provider', () => {
    expect(check(sv05, {
      Cluster: cluster(),
      Cp: asgProvider(),
      A: associations({ Ref: 'Cluster' }, [{ Ref: 'Cp' }]),
      Svc: service({ CapacityProviderStrategy: [item('TestStack-Cp-ABC123', 1)] }),
    })).toHaveLength(0);
  });
});
