/** Run the CLI in-process, as `cdk-ecs-kit ARGS` would, and collect what it writes. */
import { main } from '../../src/cli/main';

export function runCli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}
