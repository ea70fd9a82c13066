import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';

/**
 * Gives a severity to the violations of validation plugins that report none, so their findings keep failing synth.
 *
 * The cfn-guard validator (`@cdklabs/cdk-validator-cfnguard`, the Control Tower rules) reports violations without a
 * severity. aws-cdk-lib 2.276 counts those as errors, until an acknowledgement matches one of that plugin's findings:
 * then it recomputes the report's success from the severities, finds no `error`, and the remaining Control Tower errors
 * no longer fail synth. Kit constructs acknowledge some Control Tower rules on their own resources (with reasons), so
 * an app that uses them hits this. `DeploymentStandard.apply()` wraps the Control Tower validator it registers.
 *
 * ```ts
 * Validations.of(app).addPlugins(ViolationSeverity.errorByDefault(new CfnGuardValidator({ controlTowerRulesEnabled: true })));
 * ```
 */
export class ViolationSeverity {
  /**
   * The plugin, with `error` on each violation it reports without a severity. Its name, version and rule ids stay
   * the same, so acknowledgements in its namespace still apply.
   */
  public static errorByDefault(plugin: IPolicyValidationPlugin): IPolicyValidationPlugin {
    if (wrapped.has(plugin)) return plugin;
    const result: IPolicyValidationPlugin = {
      name: plugin.name,
      version: plugin.version,
      ruleIds: plugin.ruleIds,
      validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
        const report = plugin.validate(context);
        return { ...report, violations: report.violations.map((v) => (v.severity ? v : { ...v, severity: 'error' })) };
      },
    };
    wrapped.add(result);
    return result;
  }

  private constructor() {}
}

/** Plugins this module returned: wrapping one again changes nothing. */
const wrapped = new WeakSet<IPolicyValidationPlugin>();
