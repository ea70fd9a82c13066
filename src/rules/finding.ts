/** The public shapes of findings, exported from the package root. */

/** How bad a finding is. */
export enum Severity {
  /** AWS rejects the template at deploy time (or a hard limit is crossed). Fails synth. */
  ERROR = 'error',
  /** It deploys, but it is risky or likely to break later. Reported, never fails synth. */
  WARNING = 'warning',
}

/** A reported finding, as data. */
export interface Finding {
  /** Rule id, e.g. ECS-TD-01. */
  readonly ruleId: string;
  /** `error` or `warning`. */
  readonly severity: string;
  /** Stack (artifact) name. */
  readonly stack: string;
  /** Logical id of the resource. */
  readonly logicalId: string;
  /** Construct path (from aws:cdk:path, without the trailing /Resource), or Stack/LogicalId. */
  readonly path: string;
  /** JSON pointer of the property below the resource. */
  readonly property: string;
  /** The offending value, as JSON text. */
  readonly value: string;
  /** Full message: problem, path, what is allowed and the fix. */
  readonly message: string;
  /** The fix hint alone. */
  readonly fix: string;
}
