/**
 * Hostile templates through the rule engine: runRules never throws, whatever
 * the shapes; and an unresolved value never creates a finding.
 * The seed is fixed (FUZZ_SEED, logged); fast-check reports seed and path on failure.
 */
import * as fc from 'fast-check';
import { FUZZ_SEED, fixtureTemplates, mutate, mutation, odd, outputs, randomTemplate, slotsOf } from './arbitraries';
import { richTemplates } from './rich-app';
import { ALL_RULES } from '../../../src/rules';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel, CfnTemplate, StackInput } from '../../../src/rules/model';
import { isUnresolved } from '../../../src/rules/values';

// FUZZ_SCALE multiplies the runs for a longer local hunt (FUZZ_SCALE=20 FUZZ_SEED=$RANDOM npx jest test/rules/fuzz).
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = { random: 400 * SCALE, mutated: 500 * SCALE, crossStack: 200 * SCALE, unresolved: 150 * SCALE };
const tried: Record<string, number> = {};

function runAll(stacks: { name: string; template: unknown; templateSize?: number }[]) {
  return runRules(new AssemblyModel(stacks as StackInput[]), { rules: ALL_RULES });
}

/** fc.assert with the fixed seed, counting the cases tried per property. */
function check<T>(name: keyof typeof RUNS, arb: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  tried[name] = 0;
  fc.assert(fc.property(arb, (v) => { tried[name]++; predicate(v); }), { seed: FUZZ_SEED, numRuns: RUNS[name] });
}

let seeds: { name: string; template: CfnTemplate }[];

beforeAll(() => {
  seeds = [...richTemplates(), ...fixtureTemplates().map((template, i) => ({ name: `Fixture${i}`, template }))];
});

afterAll(() => {
  console.log(`engine fuzz: seed ${FUZZ_SEED}; cases tried ${JSON.stringify(tried)}`);
});

describe('runRules on hostile templates', () => {
  test('random templates of random and rule-read resource types never throw', () => {
    check('random', fc.array(randomTemplate, { minLength: 1, maxLength: 2 }), (templates) => {
      runAll(templates.map((template, i) => ({ name: `S${i}`, template })));
    });
  });

  test('realistic templates with random parts replaced, deleted, wrapped or stringified never throw', () => {
    const arb = fc.record({ seed: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) });
    check('mutated', arb, ({ seed, mutations }) => {
      // The rich app's two stacks travel together so cross-stack references resolve.
      const picked = seed % (seeds.length - 1);
      const stacks = picked === 0 ? seeds.slice(0, 2) : [seeds[picked + 1]];
      runAll(stacks.map((s, i) => ({ name: s.name, template: mutate(s.template, mutations.filter((_, j) => j % stacks.length === i)) })));
    });
  });

  test('self references and export/import loops across two stacks never throw', () => {
    const loopy = fc.constantFrom<unknown>(
      { 'Fn::ImportValue': 'Loop' }, { 'Fn::ImportValue': { 'Fn::ImportValue': 'Loop' } },
      { 'Fn::ImportValue': { 'Fn::Join': ['', [{ 'Fn::ImportValue': 'Loop' }]] } }, { Ref: 'Self' }, { 'Fn::GetAtt': ['Self', 'Arn'] },
      { 'Fn::GetAtt': 'Self.Arn' }, { 'Fn::Sub': ['${X}', { X: { 'Fn::ImportValue': 'Loop' } }] },
    );
    const stack = fc.record({
      props: fc.dictionary(fc.constantFrom('Cluster', 'TaskDefinition', 'ExecutionRoleArn', 'TaskRoleArn', 'Image', 'Subnets',
        'SecurityGroups', 'TargetGroupArn', 'LoadBalancerArn', 'VpcId', 'CapacityProvider', 'RepositoryName'), fc.oneof(loopy, odd), { maxKeys: 6 }),
      type: fc.constantFrom('AWS::ECS::Service', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::Listener',
        'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::EC2::Subnet', 'AWS::IAM::Role', 'AWS::ECR::Repository', 'AWS::Scheduler::Schedule'),
      exportName: fc.oneof(fc.constantFrom<unknown>('Loop', { 'Fn::ImportValue': 'Loop' }, { 'Fn::Sub': 'Loop' }), odd),
      value: fc.oneof(loopy, odd),
      more: outputs,
    });
    check('crossStack', fc.tuple(stack, stack), (pair) => {
      runAll(pair.map((s, i) => ({
        name: `Loop${i}`,
        template: {
          Resources: { Self: { Type: s.type, Properties: { ...s.props, DependsOn: 'Self' }, DependsOn: 'Self' } },
          Outputs: {
            ...(s.more && typeof s.more === 'object' ? s.more : {}),
            Out: { Value: s.value, Export: { Name: s.exportName } },
            Plain: { Value: { 'Fn::ImportValue': 'Loop' }, Export: { Name: 'ExportA' } },
          },
        },
      })));
    });
  });
});

describe('crashes the fuzzing found, kept as plain cases', () => {
  test('an import whose export name is itself an import of the same export (was: stack overflow in AssemblyModel)', () => {
    const template = {
      Resources: { S: { Type: 'AWS::ECS::Service', Properties: { Cluster: { 'Fn::ImportValue': 'Loop' }, TaskDefinition: { 'Fn::ImportValue': 'Loop' } } } },
      Outputs: { O: { Value: { 'Fn::ImportValue': { 'Fn::ImportValue': 'Loop' } }, Export: { Name: 'Loop' } } },
    };
    expect(() => runAll([{ name: 'A', template }])).not.toThrow();
  });

  test('a huge or many-starred IAM action (was: "Regular expression too large" in ECS-RC-03)', () => {
    const [net, app] = seeds;
    for (const action of ['x'.repeat(200_000), `${'*a'.repeat(40)}*c`]) {
      const template = mutate(app.template, []) as { Resources: Record<string, { Type: string; Properties: any }> };
      for (const r of Object.values(template.Resources)) {
        if (r.Type === 'AWS::IAM::Policy') r.Properties.PolicyDocument.Statement.forEach((st: any) => { st.Action = [action, 'ecr:Batch*']; });
      }
      const start = Date.now();
      expect(() => runAll([net, { name: app.name, template }])).not.toThrow();
      expect(Date.now() - start).toBeLessThan(2000);
    }
  });

  test('the numeric CDK token is no literal (was: ECS-SV-05 named -1.8881545897087626e+289 as an associated provider)', () => {
    const model = new AssemblyModel([{ name: 'A', template: { Resources: {} } }]);
    expect(model.resolveString(-1.8881545897087626e+289, model.stacks[0])).toBeUndefined();
  });
});

/** Rules that measure the template's size: replacing a literal by an intrinsic changes the size they measure. */
const SIZE_RULES = new Set(['ECS-QT-07', 'ECS-TD-20']);
const UNKNOWNS: unknown[] = [{ Ref: 'SomeParam' }, '${Token[TOKEN.123]}', { 'Fn::ImportValue': 'NoSuchExport' },
  { 'Fn::If': ['Cond', 'a', 'b'] }, { 'Fn::GetAtt': ['NoSuchResource', 'Arn'] }, -1.8881545897087626e+289];

/**
 * Replace chosen scalar leaves (and whole intrinsics) under each resource's
 * Properties by unresolved values. Keys and arrays stay: counts are unchanged.
 */
function unresolve(template: CfnTemplate, pick: readonly number[]): CfnTemplate {
  // A structural copy: a JSON round trip would drop undefined values and change more than the leaves.
  const copy = { ...template, Resources: Object.fromEntries(Object.entries(template.Resources ?? {}).map(([id, r]) => [id, r && typeof r === 'object' ? { ...r } : r])) };
  let n = 0;
  const walk = (value: unknown): unknown => {
    if (isUnresolved(value) || value === null || typeof value !== 'object') {
      const choice = pick[n++ % pick.length];
      return choice < UNKNOWNS.length ? UNKNOWNS[choice] : value;
    }
    if (Array.isArray(value)) return value.map(walk);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  for (const r of Object.values(copy.Resources)) {
    if (r && typeof r === 'object' && r.Properties !== undefined) (r as { Properties: unknown }).Properties = walk(r.Properties);
  }
  return copy as CfnTemplate;
}

describe('unresolved values never create findings', () => {
  const key = (f: { ruleId: string; stack: string; logicalId: string }) => `${f.ruleId} ${f.stack}/${f.logicalId}`;

  /*
   * Property: start from a (mutated) realistic template, replace any subset of
   * its literal leaves by intrinsics or CDK tokens. Every finding of the
   * result must be one the literal template has too (same rule, stack and
   * logical id): rules skip what they cannot decide, so an unknown value can
   * hide a finding but never make one. Keys, arrays and resource types stay,
   * so count and quota rules see the same counts; the size rules (template
   * and task definition size, which grow when a literal becomes an
   * intrinsic) are left out. Template sizes are pinned to the literal one.
   */
  test('replacing literals by intrinsics or tokens yields a subset of the findings', () => {
    const arb = fc.record({
      seed: fc.nat(),
      mutations: fc.array(mutation, { maxLength: 4 }),
      // Indexes >= UNKNOWNS.length keep the literal: a random subset of leaves becomes unknown.
      pick: fc.array(fc.nat(UNKNOWNS.length * 2), { minLength: 1, maxLength: 40 }),
    });
    let withFindings = 0;
    check('unresolved', arb, ({ seed, mutations, pick }) => {
      const s = seeds[seed % seeds.length];
      const literal = mutate(s.template, mutations) as CfnTemplate;
      const size = Buffer.byteLength(JSON.stringify(literal));
      const before = new Set(runAll([{ name: s.name, template: literal, templateSize: size }]).map(key));
      if (before.size > 0) withFindings++;
      const after = runAll([{ name: s.name, template: unresolve(literal, pick), templateSize: size }])
        .filter((f) => !SIZE_RULES.has(f.ruleId)).map(key);
      expect(after.filter((k) => !before.has(k))).toEqual([]);
    });
    console.log(`unresolved property: ${withFindings} of ${tried.unresolved} literal templates had findings`);
  });

  /*
   * A template whose every value is unresolved still has its keys and array
   * lengths. Rules that fire on a missing property or an empty list (no
   * containers, no memory anywhere) decide without reading a value and
   * rightly still fire; every other rule must be silent.
   */
  const ABSENCE_RULES = new Set(['ECS-TD-21', 'ECS-TD-05']);
  test('a realistic template whose every value is unresolved has only findings about missing properties', () => {
    let absence = 0;
    for (const s of seeds) {
      const literal = new Set(runAll([s]).map(key));
      const found = runAll([{ name: s.name, template: unresolve(s.template, [0, 1, 2, 3, 4, 5]) }]).filter((f) => !SIZE_RULES.has(f.ruleId));
      expect(found.filter((f) => !ABSENCE_RULES.has(f.ruleId) || !literal.has(key(f))).map(key)).toEqual([]);
      absence += found.length;
    }
    // One absence finding: ECS-TD-05 no longer repeats ECS-TD-04 on the Fargate BadNoMemoryTask.
    expect(absence).toBe(1);
    expect(slotsOf(seeds[0].template).length + slotsOf(seeds[1].template).length).toBeGreaterThan(500);
  });
});
