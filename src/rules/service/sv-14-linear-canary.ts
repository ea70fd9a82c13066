import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber, toObject, toStr } from '../values';
import { SERVICE } from './service-facts';

interface Range { readonly key: string; readonly min: number; readonly max: number; readonly step?: number; readonly unit: string }

const BAKE: Range = { key: 'BakeTimeInMinutes', min: 0, max: 1440, unit: ' minutes' };
const CONFIGS: readonly { readonly name: string; readonly property: string; readonly ranges: readonly Range[] }[] = [
  { name: 'LINEAR', property: 'LinearConfiguration', ranges: [{ key: 'StepPercent', min: 3, max: 100, step: 0.1, unit: '%' }, { key: 'StepBakeTimeInMinutes', min: 0, max: 1440, unit: ' minutes' }] },
  { name: 'CANARY', property: 'CanaryConfiguration', ranges: [{ key: 'CanaryPercent', min: 0.1, max: 100, step: 0.1, unit: '%' }, { key: 'CanaryBakeTimeInMinutes', min: 0, max: 1440, unit: ' minutes' }] },
];

/** Adds an issue when obj[r.key] is a number outside the range or off its step. */
function checkRange(obj: Record<string, unknown>, pointer: string, r: Range, issues: RuleIssue[]): void {
  if (obj[r.key] === undefined) return;
  const v = toNumber(obj[r.key]);
  if (v === undefined) return;
  const onStep = r.step === undefined ? Number.isInteger(v) : Math.abs(Math.round(v / r.step) * r.step - v) < 1e-9;
  if (v >= r.min && v <= r.max && onStep) return;
  const outOfRange = v < r.min || v > r.max;
  issues.push({
    // The built-in validator reports values past the schema's minimum or maximum (F3034), not steps.
    ...outOfRange ? { builtInOverlap: 'F3034' } : {},
    property: `${pointer}/${r.key}`,
    value: obj[r.key],
    problem: `${r.key} ${v} is out of range`,
    allowed: `${r.step ? `multiples of ${r.step} ` : 'whole numbers '}from ${r.min} to ${r.max}${r.unit}`,
    fix: `Set ${r.key} to a value from ${r.min} to ${r.max}.`,
  });
}

export const SV14_LINEAR_CANARY: ResourceRule = {
  id: 'ECS-SV-14',
  title: 'Built-in LINEAR / CANARY deployments: step percent and bake time ranges, configuration matching the strategy',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks DeploymentConfiguration of ECS-native blue/green deployments: BakeTimeInMinutes 0-1440, LinearConfiguration.StepPercent 3-100 and CanaryConfiguration.CanaryPercent 0.1-100 (multiples of 0.1), step bake times 0-1440, and a Linear/CanaryConfiguration only with the matching Strategy. Values past a range (not off a step) are left to the built-in validator (F3034) while it runs.',
  deployError: 'CreateService/UpdateService fails: invalid linear or canary deployment configuration.',
  fix: 'Use the ranges of the LINEAR / CANARY strategy, and give LinearConfiguration only with Strategy LINEAR (CanaryConfiguration only with CANARY).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: [
    'DeploymentConfiguration/BakeTimeInMinutes',
    'DeploymentConfiguration/LinearConfiguration',
    'DeploymentConfiguration/CanaryConfiguration',
  ],
  check(service): RuleIssue[] {
    const raw = service.properties.DeploymentConfiguration;
    if (raw === undefined) return [];
    const dc = toObject(raw);
    if (!dc) return [];
    const base = 'Properties/DeploymentConfiguration';
    const issues: RuleIssue[] = [];
    checkRange(dc, base, BAKE, issues);
    let strategy: string | undefined | null = null;
    for (const cfg of CONFIGS) {
      if (dc[cfg.property] === undefined) continue;
      const obj = toObject(dc[cfg.property]);
      if (!obj) continue;
      if (strategy === null) strategy = dc.Strategy === undefined ? 'ROLLING' : toStr(dc.Strategy);
      if (strategy !== undefined && strategy !== cfg.name) {
        issues.push({ property: `${base}/${cfg.property}`, value: obj, problem: `${cfg.property} is set with Strategy ${strategy}`, allowed: `${cfg.property} only with Strategy ${cfg.name}`, fix: `Set Strategy to ${cfg.name}, or remove ${cfg.property}.` });
      }
      for (const r of cfg.ranges) checkRange(obj, `${base}/${cfg.property}`, r, issues);
    }
    return issues;
  },
};
