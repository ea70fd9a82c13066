/**
 * What an app's synth recorded for `check` to judge by, read from its cloud assembly: the deployment standard it
 * applied, and the disabledRules and severityOverrides its EcsChecks ran with.
 */
import type { CliIo } from './main';
import { QuotaProfile } from '../quotas/quota-profile';
import { AssemblyInput, InputError } from '../rules/assembly-loader';
import { Severity } from '../rules/rule';
import type { DeploymentStandardProps } from '../standards/standard-props';
import { standardQuotas } from '../standards/standard-quotas';

/** What `check` judges by: a standard's props and quota profile. */
export interface Judging {
  readonly props: DeploymentStandardProps;
  readonly quotas: QuotaProfile;
}

/**
 * The standard an app's synth recorded (DeploymentStandard.apply writes its toJson() object), read without loading
 * aws-cdk-lib: the JSON came from a standard that was validated when it was built.
 */
function recordedStandard(json: string, source: string): Judging {
  const props: unknown = JSON.parse(json);
  // Name and version are optional (the built-in standards have no version).
  if (!props || typeof props !== 'object' || Array.isArray(props)) throw new InputError(source, 'the recorded deployment standard is not an object');
  return { props: props as DeploymentStandardProps, quotas: standardQuotas(props as DeploymentStandardProps) };
}

/**
 * The standard each assembly's synth recorded, read once per distinct standard; `note` is told the first time a
 * standard is used, so the output says what it judged by.
 */
export function recordedStandards(note: (input: AssemblyInput, standard: Judging) => void): (input: AssemblyInput) => Judging | undefined {
  const recorded = new Map<string, Judging>();
  return (input) => {
    const json = input.stacks.find((st) => st.standard !== undefined)?.standard;
    if (json === undefined) return undefined;
    let standard = recorded.get(json);
    if (!standard) {
      standard = recordedStandard(json, input.source);
      recorded.set(json, standard);
    }
    // Each stage's assembly is named: stages of one app often apply different standards.
    note(input, standard);
    return standard;
  };
}

/** The EcsChecks disabledRules and severityOverrides an assembly's synth recorded, named on stderr. */
export function appChecksSettings(input: AssemblyInput, io: CliIo): { disabledRules: string[]; severityOverrides: Record<string, Severity> } {
  const disabledRules = new Set<string>();
  const severityOverrides: Record<string, Severity> = {};
  const levels = Object.values(Severity) as string[];
  for (const s of input.stacks) {
    for (const id of s.checksSettings?.disabledRules ?? []) disabledRules.add(id);
    for (const [id, level] of Object.entries(s.checksSettings?.severityOverrides ?? {})) {
      if (levels.includes(level)) severityOverrides[id] = level as Severity;
    }
  }
  const parts = [
    ...disabledRules.size > 0 ? [`disabledRules ${[...disabledRules].join(', ')}`] : [],
    ...Object.keys(severityOverrides).length > 0 ? [`severityOverrides ${Object.entries(severityOverrides).map(([id, l]) => `${id}=${l}`).join(', ')}`] : [],
  ];
  if (parts.length > 0) {
    io.stderr(`cdk-ecs-kit: note: ${input.source}: the app's EcsChecks ${parts.join(' and ')} apply, as in its synth (recorded in the assembly); `
      + '--disable and --severity add to them\n');
  }
  return { disabledRules: [...disabledRules], severityOverrides };
}

