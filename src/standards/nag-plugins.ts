/** The cdk-nag packs a standard names, as validation plugins that judge only the part of the app the standard covers. */
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Stage } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack as CdkNagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { NagPack } from './standard-props';

/** The pack as a plugin for a standard applied to `scope` (an app, or a Stage inside it). */
export function nagPlugin(pack: NagPack, scope: IConstruct): IPolicyValidationPlugin {
  const checks = nagChecks(pack, scope);
  // cdk-nag walks context.appConstruct, the whole app, wherever the plugin is registered.
  return Stage.isStage(scope) && scope.node.scope !== undefined ? new StageScopedNag(checks, scope) : checks;
}

function nagChecks(pack: NagPack, scope: IConstruct): CdkNagPack {
  switch (pack) {
    case NagPack.AWS_SOLUTIONS: return new AwsSolutionsChecks(scope);
    case NagPack.HIPAA_SECURITY: return new HIPAASecurityChecks(scope);
    case NagPack.NIST_800_53_R5: return new NIST80053R5Checks(scope);
    case NagPack.PCI_DSS_321: return new PCIDSS321Checks(scope);
    default: throw new Error(`DeploymentStandard: unknown cdk-nag pack '${String(pack)}'; allowed: ${Object.values(NagPack).join(', ')}`);
  }
}

/** A cdk-nag pack that judges one Stage's constructs, not its sibling stages'. */
class StageScopedNag implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];

  constructor(private readonly checks: CdkNagPack, private readonly stage: Stage) {
    this.name = checks.name;
    this.version = checks.version;
    this.ruleIds = checks.ruleIds;
  }

  public validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.checks.validateScope(this.stage);
  }
}
