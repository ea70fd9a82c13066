/** A standard's quota profile from its props alone: the CLI judges a recorded standard without loading aws-cdk-lib. */
import type { DeploymentStandardProps } from './standard-props';
import { QuotaProfile } from '../quotas/quota-profile';

/** The quota profile `props` pins: its base profile with its overrides. */
export function standardQuotas(props: DeploymentStandardProps): QuotaProfile {
  const base = props.quotaProfile === 'legacy' ? QuotaProfile.legacy() : QuotaProfile.current();
  return props.quotaOverrides ? base.withOverrides(props.quotaOverrides, `standard ${props.name ?? 'custom'}${props.version ? ` ${props.version}` : ''} quotaOverrides`) : base;
}
