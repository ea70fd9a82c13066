/**
 * Acknowledgement ids as the kit reads them, without aws-cdk-lib: the CLI
 * uses these on a cloud assembly's metadata (and must not load aws-cdk-lib),
 * the plugin on the construct tree (./acknowledgements).
 */
export const PLUGIN_NAME = 'cdk-ecs-kit';

export interface RecordedAcknowledgement {
  /** Rule id without namespace. */
  readonly ruleId: string;
  readonly reason: string;
  /** Construct path where acknowledge() was called. */
  readonly path: string;
  /** True when recorded in the kit's namespace already; false for a bare id. */
  readonly namespaced: boolean;
}

const BARE = /^annotation::/i;
const OURS = new RegExp(`^${PLUGIN_NAME}::`);

/**
 * One recorded acknowledgement as the kit reads it, or undefined when it is
 * another plugin's (e.g. `AwsSolutions::AwsSolutions-IAM5`). Used on the
 * construct tree and, by the CLI, on a cloud assembly's metadata.
 */
export function parseAcknowledgement(qualified: string, reason: string, path: string): RecordedAcknowledgement | undefined {
  const namespaced = OURS.test(qualified);
  if (!namespaced && !BARE.test(qualified)) return undefined;
  return { ruleId: qualified.replace(BARE, '').replace(OURS, ''), reason, path, namespaced };
}

/** The closest acknowledgement for a rule at a construct path (the path itself or an ancestor). */
export function findAcknowledgement(
  acks: readonly RecordedAcknowledgement[], ruleId: string, constructPath: string,
): RecordedAcknowledgement | undefined {
  let best: RecordedAcknowledgement | undefined;
  for (const a of acks) {
    if (a.ruleId !== ruleId) continue;
    // Finding paths drop a trailing /Resource or /Default (the L1), so an
    // acknowledgement on the L1 itself covers the finding too.
    const covers = a.path === '' || constructPath === a.path || constructPath.startsWith(`${a.path}/`)
      || a.path === `${constructPath}/Resource` || a.path === `${constructPath}/Default`;
    if (covers && (!best || a.path.length > best.path.length)) best = a;
  }
  return best;
}
