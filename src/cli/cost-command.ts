/** `cdk-ecs-kit cost`: monthly cost estimate of the app's services and EC2 capacity. */
import { loadInputs } from './inputs';
import { BUNDLED_PRICES, estimateCost, formatCostJson, formatCostText, loadPriceFile, PriceTable, PriceTableError } from '../cost';
import { withParameterDefaults } from '../cost/parameters';
import { InputError } from '../rules/assembly-loader';
import { AssemblyModel } from '../rules/model';

export interface CostCommandOptions {
  readonly format: string;
  readonly region?: string;
  readonly prices?: string;
  readonly printPrices?: boolean;
}

function loadPrices(file: string | undefined): PriceTable {
  if (file === undefined) return BUNDLED_PRICES;
  try {
    return loadPriceFile(file);
  } catch (e) {
    if (e instanceof PriceTableError) throw new InputError(file, `bad price file: ${e.message}`);
    throw e;
  }
}

/** Returns the exit code: 0, or throws InputError (exit 2) for bad input. */
export function runCost(paths: readonly string[], opts: CostCommandOptions, out: (text: string) => void): number {
  const prices = loadPrices(opts.prices);
  if (opts.printPrices) {
    out(JSON.stringify(prices, null, 2));
    return 0;
  }
  if (paths.length === 0) throw new InputError('cost', 'give template files or cdk.out directories (or --print-prices)');
  if (opts.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(opts.region)) {
    throw new InputError('--region', `'${opts.region}' is not a Region name like us-east-1`);
  }
  const notes: string[] = [];
  const assemblies = loadInputs(paths).map((a) => new AssemblyModel(a.stacks.map((input) => {
    const { stack, used } = withParameterDefaults(input);
    if (used.length > 0) notes.push(`stack ${input.name}: Parameters priced at their Default: ${used.join(', ')}`);
    return stack;
  })));
  const report = estimateCost(assemblies, { notes, prices, region: opts.region, pricesFile: opts.prices });
  out(opts.format === 'json' ? formatCostJson(report) : formatCostText(report));
  return 0;
}
