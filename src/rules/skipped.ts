/**
 * Constraints from ecs-constraints.md that no rule checks, with the reason.
 * docs/rules.md lists them.
 */
export interface SkippedConstraint {
  readonly id: string;
  readonly reason: string;
}

export const SKIPPED_CONSTRAINTS: readonly SkippedConstraint[] = [
  { id: 'SV-22', reason: 'No longer a constraint: the current API applies healthCheckGracePeriodSeconds to load balancer, VPC Lattice and container health checks alike.' },
  { id: 'PM-03', reason: 'Covered by ECS-PM-01 (host mode: HostPort omitted or equal to ContainerPort); aws-cdk-lib validates at synth: MustBeHostPortLeft.' },
  { id: 'SV-11', reason: 'aws-cdk-lib validates at synth: CodeDeployDeploymentControllerOnlyUsed.' },
  { id: 'SV-13', reason: 'aws-cdk-lib handles it (AUTO): taskDefinition, launchType and networkConfiguration are blanked for the EXTERNAL controller, with warning @aws-cdk/aws-ecs:externalDeploymentController.' },
  { id: 'SV-14', reason: 'aws-cdk-lib validates at synth: MustBeLinearDeploymentStepPercent, MustBeCanaryDeploymentStepPercent, MustBe*StepBakeTime.' },
  { id: 'SV-26', reason: 'aws-cdk-lib validates at synth: AvailabilityZoneRebalancing*, AvailabilityZoneBalancing.' },
  { id: 'SV-27', reason: 'aws-cdk-lib validates at synth: OnlyVolumeSpecifiedVolumeConfigurations and service-managed-volume checks (VolumesSizeBetween, IopsOutOfRange, MustBeThroughputLessThan, SnapshotIdDoesMatchExpected).' },
  { id: 'SV-28', reason: 'aws-cdk-lib validates at synth: FargateService platform-version check for secrets JSON-field references.' },
  { id: 'SC-08', reason: 'aws-cdk-lib validates at synth: AwsPcaAuthorityArnStartArnLeast, MustBeIdleTimeoutLeastSecond, MustBePerRequestTimeoutLeastSecond.' },
  { id: 'EX-01', reason: 'aws-cdk-lib handles it (AUTO): enableExecuteCommand adds the ssmmessages permissions to the task role.' },
  { id: 'CP-08', reason: 'aws-cdk-lib handles it (AUTO): addAsgCapacityProvider sets taskDrainTime 0 when managed draining is enabled.' },
  { id: 'ER-02', reason: 'aws-cdk-lib validates at synth: ImageTagMutabilityRequiresExclusionFilters, ExclusionFiltersRequiredForMutabilityWithExclusion, ExclusionFiltersCountOutOfRange, FilterPatternExceedsMaxLength, FilterPatternContainsInvalidCharacters.' },
  { id: 'ER-04', reason: 'aws-cdk-lib validates at synth: AnyTagStatusRuleMustHaveHighestPriority, LifecycleCanOnlyHaveOneAnyTagStatusRule, CannotCombinePrioritizedAnyRuleWithUnprioritizedRules.' },
  { id: 'ER-05', reason: 'aws-cdk-lib validates at synth: TaggedStatusRequiresTagPrefixOrPatternList, TagPrefixAndPatternListOnlyForTaggedStatus, CannotSpecifyBothTagPrefixAndPatternList.' },
  { id: 'ER-06', reason: 'aws-cdk-lib validates at synth: TagPatternExceedsWildcardLimit.' },
  { id: 'ER-07', reason: 'aws-cdk-lib validates at synth (LifecycleRuleMustContainExactlyOneAgeOrCountProperty) and renders countType/countUnit itself.' },
  { id: 'ER-11', reason: 'Not decidable from one synthesized template: a create-only change needs the previously deployed template to compare with.' },
  { id: 'ER-12', reason: 'aws-cdk-lib validates at synth: EmptyOnDeleteRequiresDestroyRemovalPolicy, AutoDeleteImagesRequiresDestroyRemovalPolicy.' },
  { id: 'ER-13', reason: 'aws-cdk-lib warns at synth: @aws-cdk/aws-ecr:noResourceStatements.' },
  { id: 'ER-16', reason: 'Account-level, adjustable quotas (repositories per Region, images per repository): not visible in a template.' },
  { id: 'TD-13', reason: 'aws-cdk-lib validates at synth: CannotSpecifyRuntimePlatform.' },
  { id: 'CT-10', reason: 'aws-cdk-lib-only rule (ShouldBeHealthCheckInterval), not an ECS constraint: nothing fails at deploy.' },
];
