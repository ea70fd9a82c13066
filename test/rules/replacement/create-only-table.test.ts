/**
 * One case per entry of the generated create-only property table: a baseline
 * template and a new one that differ only in that property give exactly one
 * ECS-RP-01 finding naming it (for the types the guard watches; none for the
 * others). A regenerated table with a new entry is tested without a new test.
 */
import { AssemblyModel } from '../../../src/rules/model';
import { GUARDED_TYPES, replacementFindings } from '../../../src/rules/replacement/replacement-guard';
import { CREATE_ONLY_PROPERTIES } from '../../../src/rules/tables/create-only-properties';

type Props = Record<string, unknown>;

/** Per type: a property that updates in place, with a baseline and a new value. Every guarded type needs one. */
const MUTABLE: Readonly<Record<string, { readonly property: string; readonly before: unknown; readonly after: unknown }>> = {
  'AWS::ECS::Service': { property: 'DesiredCount', before: 2, after: 5 },
  'AWS::ECS::Cluster': { property: 'ClusterSettings', before: [{ Name: 'containerInsights', Value: 'enabled' }], after: [{ Name: 'containerInsights', Value: 'enhanced' }] },
  'AWS::ECS::CapacityProvider': { property: 'AutoScalingGroupProvider.ManagedTerminationProtection', before: 'DISABLED', after: 'ENABLED' },
  'AWS::ECS::ClusterCapacityProviderAssociations': { property: 'CapacityProviders', before: ['FARGATE'], after: ['FARGATE', 'FARGATE_SPOT'] },
  'AWS::ECR::Repository': { property: 'ImageTagMutability', before: 'MUTABLE', after: 'IMMUTABLE' },
  'AWS::ECS::TaskDefinition': { property: 'Tags', before: [{ Key: 'team', Value: 'a' }], after: [{ Key: 'team', Value: 'b' }] },
};

/** Every table entry: [type, property, conditional]. */
const CASES: [string, string, boolean][] = Object.entries(CREATE_ONLY_PROPERTIES).flatMap(([type, spec]) => [
  ...spec.createOnly.map((p): [string, string, boolean] => [type, p, false]),
  ...spec.conditionalCreateOnly.map((p): [string, string, boolean] => [type, p, true]),
]);

function withValue(props: Props, dotted: string, value: unknown): Props {
  const [head, ...rest] = dotted.split('.');
  if (rest.length === 0) return { ...props, [head]: value };
  return { ...props, [head]: withValue((props[head] as Props | undefined) ?? {}, rest.join('.'), value) };
}

/** A one-resource assembly whose resource has `props` (with path metadata, as the CDK CLI writes it). */
function assembly(type: string, props: Props): AssemblyModel {
  return new AssemblyModel([{
    name: 'App',
    template: { Resources: { Res: { Type: type, Properties: props, Metadata: { 'aws:cdk:path': 'App/Construct/Resource' } } } },
  }]);
}

/** The property a finding names: the outermost table entry that contains `prop` (a nested change is reported at its parent). */
function reportedAt(type: string, prop: string): string {
  const spec = CREATE_ONLY_PROPERTIES[type];
  const all = [...spec.createOnly, ...spec.conditionalCreateOnly];
  const parent = all.filter((p) => prop.startsWith(`${p}.`)).sort((a, b) => a.length - b.length)[0];
  return `Properties/${(parent ?? prop).split('.').join('/')}`;
}

/** Baseline props: the mutable property of the type at its baseline value. */
function base(type: string): Props {
  const m = MUTABLE[type];
  return m ? withValue({}, m.property, m.before) : {};
}

describe('create-only property table', () => {
  test('is not empty and covers every guarded type; every type has a mutable property for the no-finding case', () => {
    expect(CASES.length).toBeGreaterThan(0);
    for (const type of Object.keys(GUARDED_TYPES)) {
      expect(CREATE_ONLY_PROPERTIES[type]?.createOnly.length).toBeGreaterThan(0);
    }
    for (const type of Object.keys(CREATE_ONLY_PROPERTIES)) expect(MUTABLE[type]).toBeDefined();
  });

  test.each(CASES)('%s %s (conditional: %s): a change alone is one ECS-RP-01 finding naming it when the type is guarded', (type, prop) => {
    // GIVEN two templates that differ only in this property
    const leaf = prop.split('.').pop()!;
    const before = assembly(type, withValue(base(type), prop, `${leaf}-before`));
    const after = assembly(type, withValue(base(type), prop, `${leaf}-after`));

    // WHEN
    const findings = replacementFindings(before, after);

    // THEN
    if (!GUARDED_TYPES[type]) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'ECS-RP-01', severity: 'warning', stack: 'App', logicalId: 'Res', path: 'App/Construct', property: reportedAt(type, prop),
    });
    expect(findings[0].message).toContain(`${leaf}-before`);
    expect(findings[0].message).toContain(`${leaf}-after`);
    expect(findings[0].message).toContain(`replaces ${GUARDED_TYPES[type]} Res`);
  });

  test.each(CASES)('%s %s: setting it where the baseline did not is a finding too', (type, prop) => {
    const findings = replacementFindings(assembly(type, base(type)), assembly(type, withValue(base(type), prop, 'new')));
    expect(findings.map((f) => f.property)).toEqual(GUARDED_TYPES[type] ? [reportedAt(type, prop)] : []);
  });

  test.each(Object.keys(MUTABLE))('%s: a change to a mutable property is no finding', (type) => {
    const m = MUTABLE[type];
    const all = [...CREATE_ONLY_PROPERTIES[type]?.createOnly ?? [], ...CREATE_ONLY_PROPERTIES[type]?.conditionalCreateOnly ?? []];
    expect(all).not.toContain(m.property);
    expect(replacementFindings(assembly(type, base(type)), assembly(type, withValue({}, m.property, m.after)))).toEqual([]);
  });
});
