// aws-cdk-lib 2.276 validates every synth against the CloudFormation schemas
// (3-4 s and ~330 MB per process). Unit tests turn it off; compliance tests
// turn it back on for themselves.
if (process.env.CDK_VALIDATION === undefined) {
  process.env.CDK_VALIDATION = 'false';
}
