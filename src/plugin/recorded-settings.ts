/**
 * EcsChecks' disabledRules and severityOverrides, recorded in the metadata of each stack it validates, so
 * `cdk-ecs-kit check` on the cdk.out judges as the synth did: a rule turned off in code does not fail the CI step.
 * Metadata, not template: snapshot tests do not change.
 */
import { IPolicyValidationPlugin, Stack, Stage } from 'aws-cdk-lib';
import { stagePlugins } from '../internal/cdk-internals';
import { CHECKS_SETTINGS_METADATA } from '../rules/assembly-loader';
import { ChecksSettings } from '../rules/model';

const SETTINGS = new WeakMap<IPolicyValidationPlugin, ChecksSettings>();

/** The settings `plugin` runs with; nothing is recorded for a plugin that changes no rule. */
export function registerChecksSettings(plugin: IPolicyValidationPlugin, settings: ChecksSettings): void {
  if (settings.disabledRules.length > 0 || Object.keys(settings.severityOverrides).length > 0) SETTINGS.set(plugin, settings);
}

/** Before `stack` renders: record the settings of the EcsChecks registered on the nearest Stage (or App) above it. */
export function recordChecksSettings(stack: Stack): void {
  if (stack.node.metadata.some((m) => m.type === CHECKS_SETTINGS_METADATA)) return;
  // Scopes run from the root down: the innermost Stage's plugins are the ones its stacks are validated with.
  const stages = stack.node.scopes.filter((s): s is Stage => Stage.isStage(s)).reverse();
  for (const stage of stages) {
    const settings = stagePlugins(stage).map((p) => SETTINGS.get(p)).find((s) => s !== undefined);
    if (settings) {
      stack.node.addMetadata(CHECKS_SETTINGS_METADATA, settings);
      return;
    }
  }
}
