/** The ORG rules, in id order, and binding them to a standard. */
import { ORG_CI_01_CONTAINER_INSIGHTS } from './org-ci-01-container-insights';
import { ORG_DEP_01_DEPLOYMENT_ROLLBACK } from './org-dep-01-deployment-rollback';
import { ORG_ELB_01_PUBLIC_LOAD_BALANCER } from './org-elb-01-public-load-balancer';
import { ORG_ENC_01_ENCRYPTION } from './org-enc-01-encryption';
import { ORG_EXEC_01_EXECUTE_COMMAND } from './org-exec-01-execute-command';
import { ORG_FG_01_FARGATE_SIZE } from './org-fg-01-fargate-size';
import { ORG_FG_02_MAX_TASK_VCPU } from './org-fg-02-max-task-vcpu';
import { ORG_IMG_01_IMAGE_SOURCE } from './org-img-01-image-source';
import { ORG_IMG_02_IMAGE_DIGEST } from './org-img-02-image-digest';
import { ORG_LOG_01_LOG_RETENTION } from './org-log-01-log-retention';
import { ORG_REG_01_ALLOWED_REGIONS } from './org-reg-01-allowed-regions';
import { bind, OrgRule } from './org-rule';
import { ORG_SPOT_01_SPOT } from './org-spot-01-spot';
import { ORG_SVC_01_MAX_DESIRED_COUNT } from './org-svc-01-max-desired-count';
import { ORG_TAG_01_REQUIRED_TAGS } from './org-tag-01-required-tags';
import { ORG_TAG_02_TAG_PROPAGATION } from './org-tag-02-tag-propagation';
import { ResourceRule } from '../../rules/rule';
import type { DeploymentStandardProps } from '../standard-props';

export const ORG_RULES: readonly OrgRule[] = [
  ORG_CI_01_CONTAINER_INSIGHTS,
  ORG_DEP_01_DEPLOYMENT_ROLLBACK,
  ORG_ELB_01_PUBLIC_LOAD_BALANCER,
  ORG_ENC_01_ENCRYPTION,
  ORG_EXEC_01_EXECUTE_COMMAND,
  ORG_FG_01_FARGATE_SIZE,
  ORG_FG_02_MAX_TASK_VCPU,
  ORG_IMG_01_IMAGE_SOURCE,
  ORG_IMG_02_IMAGE_DIGEST,
  ORG_LOG_01_LOG_RETENTION,
  ORG_REG_01_ALLOWED_REGIONS,
  ORG_SPOT_01_SPOT,
  ORG_SVC_01_MAX_DESIRED_COUNT,
  ORG_TAG_01_REQUIRED_TAGS,
  ORG_TAG_02_TAG_PROPAGATION,
];

/** The ORG rules a standard asks for, ready for the engine. */
export function orgRulesFor(standard: DeploymentStandardProps): ResourceRule[] {
  return ORG_RULES.filter((r) => r.appliesTo(standard)).map((r) => bind(r, standard));
}
