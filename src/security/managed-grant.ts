/**
 * iam.Grant for permissions the kit keeps in a customer-managed policy (the
 * HIPAA, NIST and PCI packs flag the inline policies aws-cdk-lib's grants
 * write). The Grant carries the statement and depends on the managed policy,
 * so `grant.applyBefore(...)` orders resources as with aws-cdk-lib's grants.
 * Not exported.
 */
import * as iam from 'aws-cdk-lib/aws-iam';

/** A Grant for `statement`, which `policy` (attached to the grantee) already holds. */
export function grantInPolicy(policy: iam.ManagedPolicy, grantee: iam.IGrantable, statement: iam.PolicyStatement): iam.Grant {
  const target = grantee.grantPrincipal;
  // A principal that reports the statement as added to the managed policy (it already is).
  const inPolicy: iam.IPrincipal = {
    get grantPrincipal() { return inPolicy; },
    get assumeRoleAction() { return target.assumeRoleAction; },
    get policyFragment() { return target.policyFragment; },
    get principalAccount() { return target.principalAccount; },
    addToPrincipalPolicy: () => ({ statementAdded: true, policyDependable: policy }),
  };
  return iam.Grant.addToPrincipal({
    grantee: inPolicy,
    actions: statement.actions,
    resourceArns: statement.resources,
    conditions: statement.conditions,
  });
}

/**
 * A grantee whose grants land in `policy` (attached to `role`): for a role the kit did not create (a plain
 * aws-cdk-lib task definition's), whose own grants would write an inline policy.
 */
export function intoManagedPolicy(policy: iam.ManagedPolicy, role: iam.IRole): iam.IGrantable {
  const principal: iam.IPrincipal = {
    get grantPrincipal() { return principal; },
    get assumeRoleAction() { return role.assumeRoleAction; },
    get policyFragment() { return role.policyFragment; },
    get principalAccount() { return role.principalAccount; },
    addToPrincipalPolicy: (statement) => {
      policy.addStatements(statement);
      return { statementAdded: true, policyDependable: policy };
    },
  };
  return principal;
}
