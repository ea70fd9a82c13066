/**
 * Hostile L1 resources through the plugin path: EcsChecks.check(app) on apps
 * whose stacks hold `new CfnResource(stack, id, { type, properties })` with
 * generated odd properties never throws, except the documented synth
 * validation failure. Synth is slow, so fewer runs than the engine fuzz.
 * CDK_VALIDATION stays as test/jest.setup.ts sets it (off).
 */
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { EcsChecks } from '../../src';
import { FUZZ_SEED, odd, PROPERTY_KEYS, RULE_TYPES } from '../rules/fuzz/arbitraries';

const RUNS = 100 * Number(process.env.FUZZ_SCALE ?? 1);
const tried = { check: 0, plugin: 0, cdkRefused: 0, findings: 0, failedValidation: 0 };

// aws-cdk-lib refuses token strings it did not issue: leave those to the engine fuzz.
const props = fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), odd, { maxKeys: 8 }).filter((p) => !/Token\[|TOKEN\./.test(JSON.stringify(p)));
const resources = fc.array(fc.record({ type: fc.constantFrom(...RULE_TYPES.filter((t) => /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(t))), properties: props }),
  { minLength: 1, maxLength: 6 });

function appOf(stacks: { type: string; properties: Record<string, unknown> }[][]): App {
  const app = new App();
  stacks.forEach((list, s) => {
    const stack = new Stack(app, `Fuzz${s}`);
    list.forEach((r, i) => new CfnResource(stack, `R${i}`, { type: r.type, properties: r.properties }));
  });
  return app;
}

afterAll(() => console.log(`plugin fuzz: seed ${FUZZ_SEED}; cases tried ${JSON.stringify(tried)}`));

describe('EcsChecks on apps of odd L1 resources', () => {
  test('EcsChecks.check never throws on an app that synthesizes', () => {
    fc.assert(fc.property(fc.array(resources, { minLength: 1, maxLength: 2 }), (stacks) => {
      tried.check++;
      const app = appOf(stacks);
      try {
        app.synth();
      } catch {
        // aws-cdk-lib refuses some values itself (e.g. an unknown token string); synth caches a success for check().
        tried.cdkRefused++;
        return;
      }
      const report = EcsChecks.check(app);
      tried.findings += report.findings.length;
      expect(report.errorCount + report.warningCount).toBe(report.findings.length);
    }), { seed: FUZZ_SEED, numRuns: RUNS });
  });

  test('as a validation plugin, synth fails only with the documented validation report', () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      fc.assert(fc.property(resources, (list) => {
        tried.plugin++;
        const app = appOf([list]);
        Validations.of(app).addPlugins(new EcsChecks());
        try {
          app.synth();
        } catch (e) {
          const text = String((e as Error).stack);
          if (/ValidationFailed|Validation failed/.test(text)) {
            tried.failedValidation++;
            return;
          }
          // Otherwise only aws-cdk-lib's own refusals, thrown before any plugin runs.
          expect(text).not.toMatch(/src\/(rules|plugin)\//);
          tried.cdkRefused++;
        }
      }), { seed: FUZZ_SEED, numRuns: Math.ceil(RUNS / 2) });
    } finally {
      errors.mockRestore();
    }
  });
});
