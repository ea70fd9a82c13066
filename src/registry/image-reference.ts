/** Checks of an image tag or digest that a kit registry construct puts into an image URI (KIT-REGISTRY-IMAGE-*). */
import { Token } from 'aws-cdk-lib';
import { fail } from '../errors';
import { ECR_IMAGE_DIGEST_PATTERN, ECR_IMAGE_TAG_PATTERN } from '../rules/tables/ecr-limits';

const TAG_ALLOWED = '1-128 letters, digits, _, . and -, not starting with . or -';

/** Fail on a tag ECR cannot hold; `digestToo` when the caller also takes a digest in the same argument. Tokens are skipped. */
export function checkImageTag(path: string, tag: string, fix: string, digestToo = false): void {
  if (Token.isUnresolved(tag) || ECR_IMAGE_TAG_PATTERN.test(tag)) return;
  fail({
    code: 'KIT-REGISTRY-IMAGE-TAG',
    problem: `image tag '${tag}' is not a valid tag`,
    path,
    allowed: digestToo ? `${TAG_ALLOWED}; or a digest 'sha256:<64 hex digits>'` : TAG_ALLOWED,
    fix,
  });
}

/** Fail on a digest that is not `sha256:` and 64 lowercase hex digits. Tokens are skipped. */
export function checkImageDigest(path: string, digest: string, fix: string): void {
  if (Token.isUnresolved(digest) || ECR_IMAGE_DIGEST_PATTERN.test(digest)) return;
  fail({
    code: 'KIT-REGISTRY-IMAGE-DIGEST',
    problem: `image digest '${digest}' is not a sha256 digest`,
    path,
    allowed: "'sha256:' followed by 64 lowercase hex digits",
    fix,
  });
}
