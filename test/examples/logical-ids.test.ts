/**
 * The logical id of every resource of the example app and the org-standard
 * Orders app, with its type. A renamed construct id (or a moved construct)
 * changes logical ids, and CloudFormation then deletes and recreates those
 * resources in users' accounts: this snapshot fails CI first. Ids that end in
 * a hash are pinned on purpose: the hash is of the construct path, and a new
 * one means a replacement too.
 *
 * A change here is deliberate only with a CHANGELOG.md entry under
 * "## Unreleased" (see golden-upgrade.test.ts); then update with
 * `npx jest test/examples/logical-ids.test.ts --ci=false -u`.
 */
import { resourceList, synthExampleApps } from '../../scripts/golden-app';

test('the example apps keep every logical id and type', () => {
  // GIVEN / WHEN the example app (EcsKitNetwork, EcsKitServices) and the Orders app
  const { stacks } = synthExampleApps();
  const list = resourceList(stacks);

  // THEN nothing unstable is pinned: no asset hashes, no output paths
  expect(list.filter((l) => /[0-9a-f]{40,}|cdk\.out/.test(l))).toEqual([]);
  expect(stacks.map((s) => s.name).sort()).toEqual(['EcsKitNetwork', 'EcsKitServices', 'Orders']);
  expect(list).toMatchSnapshot();
});
