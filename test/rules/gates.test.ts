/**
 * Rule gates (`onlyWith`): the engine skips a rule on resources where none of
 * its paths holds a value. Gates must never change a finding; every rule test
 * also strips the gate paths from its templates and expects silence
 * (helpers.ts, expectSilentWithoutGate).
 */
import * as fc from 'fast-check';
import { FUZZ_SEED, fixtureTemplates, mutate, mutation, odd, PROPERTY_KEYS, randomTemplate } from './fuzz/arbitraries';
import { richTemplates } from './fuzz/rich-app';
import { removePath } from './helpers';
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { ALL_RULES } from '../../src/rules';
import { gateOpen, runRules } from '../../src/rules/engine';
import { AssemblyModel, CfnTemplate, StackInput } from '../../src/rules/model';
import { isAssemblyRule, ResourceRule, Rule, RuleIssue, Severity } from '../../src/rules/rule';

/** Task definition and service properties made of the paths the gates name, with odd values at any level. */
const richProperties: fc.Arbitrary<Record<string, unknown>> = fc.record({
  ContainerDefinitions: fc.oneof(odd, fc.array(fc.oneof(odd, fc.dictionary(fc.constantFrom('HealthCheck', 'DependsOn', 'Links', 'PortMappings',
    'MemoryReservation', 'Environment', 'Name'), fc.oneof(odd, fc.array(fc.oneof(odd, fc.dictionary(fc.constantFrom('Name', 'HostPort',
    'AppProtocol', 'ContainerPortRange'), odd, { maxKeys: 3 })), { maxLength: 3 })), { maxKeys: 4 })), { maxLength: 3 })),
  DeploymentConfiguration: fc.oneof(odd, fc.dictionary(fc.constantFrom('Strategy', 'Alarms', 'LifecycleHooks', 'BakeTimeInMinutes'), odd, { maxKeys: 3 })),
  LoadBalancers: fc.oneof(odd, fc.array(fc.dictionary(fc.constantFrom('AdvancedConfiguration', 'TargetGroupArn'), odd, { maxKeys: 2 }), { maxLength: 2 })),
  ServiceConnectConfiguration: odd,
  PlatformVersion: odd,
}, { requiredKeys: [] });

const GATED = ALL_RULES.filter((r): r is ResourceRule => !isAssemblyRule(r) && r.onlyWith !== undefined);
const UNGATED: Rule[] = ALL_RULES.map((r) => (isAssemblyRule(r) ? r : { ...r, onlyWith: undefined }));

function findings(stacks: { name: string; template: unknown }[], rules: readonly Rule[]): string[] {
  return runRules(new AssemblyModel(stacks as StackInput[]), { rules }).map((f) => `${f.ruleId} ${f.logicalId} ${f.message}`);
}

test('gates are well-formed paths below Properties', () => {
  expect(GATED.length).toBeGreaterThan(70);
  for (const rule of GATED) {
    expect(rule.onlyWith!.length).toBeGreaterThan(0);
    for (const p of rule.onlyWith!) {
      const parts = p.split('/');
      expect(parts.every((s) => /^([A-Z][A-Za-z]+|\*)$/.test(s))).toBe(true);
      expect(parts[0]).not.toBe('*');
      expect(parts[parts.length - 1]).not.toBe('*');
    }
  }
});

describe('the engine', () => {
  const calls: string[] = [];
  const rule: ResourceRule = {
    id: 'TEST-GATE',
    title: 't',
    area: 'container',
    severity: Severity.WARNING,
    description: 'd',
    deployError: 'e',
    fix: 'f',
    source: 's',
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    onlyWith: ['ProxyConfiguration', 'ContainerDefinitions/*/HealthCheck'],
    check(resource): RuleIssue[] {
      calls.push(resource.logicalId);
      return [{ property: 'Properties', value: 1, problem: 'p', allowed: 'a', fix: 'f' }];
    },
  };
  const td = (props: Record<string, unknown>) => ({ Type: 'AWS::ECS::TaskDefinition', Properties: props });

  test('calls a gated rule only where one of its paths holds a value', () => {
    calls.length = 0;
    const template = {
      Resources: {
        Plain: td({ ContainerDefinitions: [{ Name: 'a' }] }),
        Proxy: td({ ProxyConfiguration: { ContainerName: 'envoy' } }),
        ProxyToken: td({ ProxyConfiguration: { 'Fn::If': ['C', {}, { Ref: 'AWS::NoValue' }] } }),
        SecondContainer: td({ ContainerDefinitions: [{ Name: 'a' }, { Name: 'b', HealthCheck: { Command: ['CMD', 'true'] } }] }),
        ListIsIntrinsic: td({ ContainerDefinitions: { 'Fn::If': ['C', [{ HealthCheck: {} }], []] } }),
        ContainerIsIntrinsic: td({ ContainerDefinitions: [{ 'Fn::If': ['C', { HealthCheck: {} }, {}] }] }),
        NullHealthCheck: td({ ContainerDefinitions: [{ Name: 'a', HealthCheck: null }] }),
      },
    };
    expect(findings([{ name: 'S', template }], [rule])).toHaveLength(4);
    expect(calls).toEqual(['Proxy', 'ProxyToken', 'SecondContainer', 'NullHealthCheck']);
  });

  /** The gate as the docs state it, path by path: an oracle for the engine's one-walk version. */
  const holds = (value: unknown, path: readonly string[]): boolean => {
    if (path.length === 0) return value !== undefined;
    if (value === null || typeof value !== 'object') return false;
    const [key, ...rest] = path;
    if (key !== '*') return holds((value as Record<string, unknown>)[key], rest);
    return Array.isArray(value) && value.some((item) => holds(item, rest));
  };
  const oracle = (g: ResourceRule, properties: unknown) => g.onlyWith!.some((p) => holds(properties, p.split('/')));

  test('the engine opens exactly the gates the documented rule opens, on random properties', () => {
    const types = ['AWS::ECS::TaskDefinition', 'AWS::ECS::Service'];
    const called = new Set<string>();
    const spies: ResourceRule[] = GATED.map((g) => ({
      ...rule,
      id: g.id,
      onlyWith: g.onlyWith,
      resourceTypes: types,
      check(r): RuleIssue[] {
        called.add(`${g.id} ${r.logicalId}`);
        return [];
      },
    }));
    const props = fc.oneof(fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), odd, { maxKeys: 8 }), richProperties);
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...types), props), { minLength: 1, maxLength: 4 }), (resources) => {
      called.clear();
      const template = { Resources: Object.fromEntries(resources.map(([Type, Properties], i) => [`R${i}`, { Type, Properties }])) };
      runRules(new AssemblyModel([{ name: 'S', template: template as CfnTemplate }]), { rules: spies });
      for (const [i, [, properties]] of resources.entries()) {
        for (const g of GATED) {
          expect(called.has(`${g.id} R${i}`)).toBe(oracle(g, properties));
          expect(gateOpen(g, properties as Record<string, unknown>)).toBe(oracle(g, properties));
        }
      }
    }), { seed: FUZZ_SEED, numRuns: 150 });
  });

  test('gateOpen agrees with the engine', () => {
    expect(gateOpen(rule, { ContainerDefinitions: [{}, { HealthCheck: {} }] })).toBe(true);
    expect(gateOpen(rule, { ContainerDefinitions: [{ Name: 'a' }] })).toBe(false);
    expect(gateOpen(rule, {})).toBe(false);
    expect(gateOpen({ ...rule, onlyWith: undefined }, {})).toBe(true);
  });
});

describe('gates change no finding', () => {
  const seeds: { name: string; template: CfnTemplate }[] = [
    ...richTemplates(),
    ...fixtureTemplates().map((template, i) => ({ name: `Fixture${i}`, template })),
  ];

  test('on the rich app and the fixture templates', () => {
    const stacks = seeds.slice(0, 2);
    expect(findings(stacks, ALL_RULES)).toEqual(findings(stacks, UNGATED));
    for (const s of seeds.slice(2)) expect(findings([s], ALL_RULES)).toEqual(findings([s], UNGATED));
  });

  test('on realistic templates with random parts replaced, deleted, wrapped or stringified', () => {
    const arb = fc.record({ seed: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) });
    fc.assert(fc.property(arb, ({ seed, mutations }) => {
      const picked = seed % (seeds.length - 1);
      const chosen = picked === 0 ? seeds.slice(0, 2) : [seeds[picked + 1]];
      const stacks = chosen.map((s, i) => ({ name: s.name, template: mutate(s.template, mutations.filter((_, j) => j % chosen.length === i)) }));
      expect(findings(stacks, ALL_RULES)).toEqual(findings(stacks, UNGATED));
    }), { seed: FUZZ_SEED, numRuns: 300 });
  });

  test('on random templates', () => {
    fc.assert(fc.property(randomTemplate, (template) => {
      expect(findings([{ name: 'S', template }], ALL_RULES)).toEqual(findings([{ name: 'S', template }], UNGATED));
    }), { seed: FUZZ_SEED, numRuns: 300 });
  });

  test('each gated rule is silent on the rich app and fixtures with its paths removed', () => {
    for (const rule of GATED) {
      for (const s of seeds) {
        const template = structuredClone(s.template) as { Resources?: Record<string, { Type?: string; Properties?: unknown }> };
        for (const res of Object.values(template.Resources ?? {})) {
          if (rule.resourceTypes.includes(res.Type ?? '')) for (const p of rule.onlyWith!) removePath(res.Properties, p.split('/'));
        }
        const model = new AssemblyModel([{ name: s.name, template: template as CfnTemplate }]);
        const stack = model.stacks[0];
        for (const resource of stack.resources) {
          if (!rule.resourceTypes.includes(resource.type)) continue;
          expect(gateOpen(rule, resource.properties)).toBe(false);
          expect(rule.check(resource, { assembly: model, stack, quotas: QuotaProfile.current() })).toEqual([]);
        }
      }
    }
  });
});
