/**
 * The bundled price table (USD). Every figure names its source below; the
 * sources say when they were published or read. Figures that could not be
 * confirmed from public material are left out and listed in `notes`: the
 * report then shows those items as unpriced instead of guessing.
 * A newer table of the same schema can be passed with `cost --prices FILE`
 * (dump this one with `cdk-ecs-kit cost --print-prices`).
 */
import { InstanceSpec, PriceFigure, PriceTable } from './price-table';

const FARGATE_PAGE = 'aws-fargate-pricing';
const VANTAGE = 'vantage-fargate';
const FGCALC = 'fgcalc-regions';
const EC2_US = 'ec2-on-demand-us';
const EC2_EU = 'ec2-on-demand-eu-west-1';
const EBS = 'ebs-gp3';
const SPECS = 'ec2-instance-types';
const KIT = 'kit-assumption';

const f = (usd: number, source: string): PriceFigure => ({ usd, source });

/** Prices of one family's sizes, `[size, usd]`, from one source. */
function family(name: string, source: string, sizes: [string, number][]): Record<string, PriceFigure> {
  return Object.fromEntries(sizes.map(([size, usd]) => [`${name}.${size}`, f(usd, source)]));
}

const GENERAL: [string, number, number][] = [['medium', 1, 4], ['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64]];
const COMPUTE: [string, number, number][] = [['medium', 1, 2], ['large', 2, 4], ['xlarge', 4, 8], ['2xlarge', 8, 16], ['4xlarge', 16, 32]];
const MEMORY: [string, number, number][] = [['medium', 1, 8], ['large', 2, 16], ['xlarge', 4, 32], ['2xlarge', 8, 64]];
const BURST: [string, number, number][] = [['micro', 2, 1], ['small', 2, 2], ['medium', 2, 4], ['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32]];

function specs(names: string[], shape: [string, number, number][], arch: 'X86_64' | 'ARM64'): Record<string, InstanceSpec> {
  const out: Record<string, InstanceSpec> = {};
  for (const name of names) {
    for (const [size, vcpu, memoryGiB] of shape) {
      // Intel m/c/r families start at large (the burstable t3 has a medium).
      if (size === 'medium' && arch === 'X86_64' && shape !== BURST) continue;
      out[`${name}.${size}`] = { vcpu, memoryGiB, arch };
    }
  }
  return out;
}

/** us-east-1 Linux On-Demand; us-west-2 takes the families its sources confirm. */
const US_EAST_1_EC2: Record<string, PriceFigure> = {
  ...family('m7g', EC2_US, [['medium', 0.0408], ['large', 0.0816], ['xlarge', 0.1632], ['2xlarge', 0.3264], ['4xlarge', 0.6528]]),
  ...family('c7g', EC2_US, [['medium', 0.0363], ['large', 0.0725], ['xlarge', 0.145], ['2xlarge', 0.29], ['4xlarge', 0.58]]),
  ...family('r7g', EC2_US, [['large', 0.1071]]),
  ...family('m6i', EC2_US, [['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384], ['4xlarge', 0.768]]),
  ...family('c6i', EC2_US, [['large', 0.085], ['xlarge', 0.17], ['2xlarge', 0.34], ['4xlarge', 0.68]]),
  ...family('r6i', EC2_US, [['large', 0.126], ['xlarge', 0.252], ['2xlarge', 0.504]]),
  ...family('m7i', EC2_US, [['large', 0.1008], ['xlarge', 0.2016], ['2xlarge', 0.4032], ['4xlarge', 0.8064]]),
  ...family('m5', EC2_US, [['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384]]),
  ...family('c5', EC2_US, [['large', 0.085], ['xlarge', 0.17], ['2xlarge', 0.34]]),
  ...family('t3', EC2_US, [['micro', 0.0104], ['small', 0.0208], ['medium', 0.0416], ['large', 0.0832], ['xlarge', 0.1664], ['2xlarge', 0.3328]]),
  ...family('t4g', EC2_US, [['micro', 0.0084], ['small', 0.0168], ['medium', 0.0336], ['large', 0.0672], ['xlarge', 0.1344], ['2xlarge', 0.2688]]),
};

const US_WEST_2_CONFIRMED = [
  'm7g.large', 'm7g.xlarge', 'm7g.2xlarge', 'm7g.4xlarge', 'c7g.large', 'c7g.xlarge', 'c7g.2xlarge', 'c7g.4xlarge',
  'm6i.large', 'm6i.xlarge', 'm6i.2xlarge', 'm6i.4xlarge', 'c6i.large', 'c6i.xlarge', 'c6i.2xlarge', 'c6i.4xlarge',
  'r6i.large', 'r6i.xlarge', 'r6i.2xlarge', 'm5.large', 'm5.xlarge', 'm5.2xlarge', 'c5.large', 'c5.xlarge', 'c5.2xlarge',
  't3.micro', 't3.small', 't3.medium', 't3.large',
];

/** Fargate Linux/X86 On-Demand per Region: vCPU-hour, GB-hour. */
function linuxX86(vcpu: number, gb: number, source: string) {
  return { vcpuHour: f(vcpu, source), gbHour: f(gb, source) };
}

export const BUNDLED_PRICES: PriceTable = {
  schemaVersion: 1,
  title: 'cdk-ecs-kit bundled AWS price table',
  currency: 'USD',
  retrieved: '2026-12-03',
  hoursPerMonth: 730,
  fargateIncludedEphemeralGiB: 20,
  // fgcalc's Spot/On-Demand vCPU ratios for the five Regions: 0.312, 0.314, 0.311, 0.302, 0.300 (mean 0.308).
  fargateSpotFactor: { value: 0.31, source: FGCALC },
  ec2SpotFactor: { value: 0.35, source: KIT },
  ec2TaskMemoryFraction: { value: 0.9, source: KIT },
  sources: [
    {
      id: FARGATE_PAGE,
      title: 'AWS Fargate pricing (billing dimensions, 20 GB ephemeral storage included, Fargate Spot "up to a 70% discount")',
      url: 'https://aws.amazon.com/fargate/pricing/',
      date: 'stored copy read 2026-12-03 (the page renders its rate tables in the browser)',
    },
    {
      id: VANTAGE,
      title: 'Vantage, "AWS Fargate Pricing Explained": us-east-1 Linux/x86, Linux/ARM, Windows/x86 (+ OS license) and ephemeral storage rates',
      url: 'https://www.vantage.sh/blog/fargate-pricing',
      date: 'read 2026-12-03; Linux/x86 figures match wring.co (2026-03-10) and cloudburn.io (rates as of 2026-03)',
    },
    {
      id: FGCALC,
      title: 'theuves/fgcalc src/utils/data.js: Fargate Linux On-Demand and Spot rates per Region, taken from the AWS Fargate pricing page',
      url: 'https://github.com/theuves/fgcalc/blob/5049a5e21fd511bb80159d17190ef1c05414c95a/src/utils/data.js',
      date: 'repository snapshot (commit 5049a5e), undated; its us-east-1 figures equal the 2026-03 ones above',
    },
    {
      id: EC2_US,
      title: 'Amazon EC2 On-Demand pricing, Linux, shared tenancy, us-east-1 (us-west-2 where listed): figures as transcribed in independent public cost tools, each agreeing in at least two; m7g.large also in factualminds.com (2026-06-17); r7g.large in one transcription only',
      url: 'https://aws.amazon.com/ec2/pricing/on-demand/',
      date: 'cross-checked 2026-12-03',
    },
    {
      id: EC2_EU,
      title: 'Amazon EC2 On-Demand pricing, Linux, eu-west-1: t3, m5 and m6i figures agreeing in at least two public cost tools',
      url: 'https://aws.amazon.com/ec2/pricing/on-demand/',
      date: 'cross-checked 2026-12-03',
    },
    {
      id: EBS,
      title: 'aws/agent-toolkit-for-aws EBS optimization reference: gp3 $0.08 per GB-month in us-east-1 (3,000 IOPS and 125 MB/s included)',
      url: 'https://github.com/aws/agent-toolkit-for-aws/blob/main/skills/core-skills/aws-billing-and-cost-management/references/ebs-optimization.md',
      date: 'prices as of early 2026',
    },
    {
      id: SPECS,
      title: 'Amazon EC2 instance type specifications (vCPU, memory, architecture)',
      url: 'https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html',
      date: 'read 2026-12-03',
    },
    {
      id: KIT,
      title: 'cdk-ecs-kit planning assumption, not a published AWS figure: EC2 Spot at 0.35 of On-Demand (AWS states "up to 90%" off and publishes no average); 90% of instance memory usable by tasks',
      url: 'docs/cost.md (in this package)',
      date: '2026-12-03',
    },
  ],
  instanceTypes: {
    ...specs(['m7g'], GENERAL, 'ARM64'),
    ...specs(['c7g'], COMPUTE, 'ARM64'),
    ...specs(['r7g'], MEMORY, 'ARM64'),
    ...specs(['m6i', 'm7i', 'm5'], GENERAL, 'X86_64'),
    ...specs(['c6i', 'c5'], COMPUTE, 'X86_64'),
    ...specs(['r6i'], MEMORY, 'X86_64'),
    ...specs(['t3'], BURST, 'X86_64'),
    ...specs(['t4g'], BURST, 'ARM64'),
  },
  regions: {
    'us-east-1': {
      fargate: {
        linuxX86: linuxX86(0.04048, 0.004445, VANTAGE),
        linuxArm64: { vcpuHour: f(0.03238, VANTAGE), gbHour: f(0.00356, VANTAGE) },
        windowsX86: { vcpuHour: f(0.09148, VANTAGE), gbHour: f(0.01005, VANTAGE), osLicenseVcpuHour: f(0.046, VANTAGE) },
        ephemeralGbHour: f(0.000111, VANTAGE),
      },
      ec2: US_EAST_1_EC2,
      ebsGp3GbMonth: f(0.08, EBS),
    },
    'us-west-2': {
      fargate: { linuxX86: linuxX86(0.04048, 0.004445, FGCALC) },
      ec2: Object.fromEntries(US_WEST_2_CONFIRMED.map((t) => [t, f(US_EAST_1_EC2[t].usd, EC2_US)])),
    },
    'eu-west-1': {
      fargate: { linuxX86: linuxX86(0.04048, 0.004445, FGCALC) },
      ec2: {
        ...family('t3', EC2_EU, [['micro', 0.0114], ['small', 0.0228], ['medium', 0.0456], ['large', 0.0912]]),
        ...family('m5', EC2_EU, [['large', 0.107], ['xlarge', 0.214], ['2xlarge', 0.428]]),
        ...family('m6i', EC2_EU, [['large', 0.107], ['xlarge', 0.214]]),
      },
    },
    'eu-central-1': {
      fargate: { linuxX86: linuxX86(0.04656, 0.00511, FGCALC) },
      ec2: {},
    },
    'ap-southeast-1': {
      fargate: { linuxX86: linuxX86(0.05056, 0.00553, FGCALC) },
      ec2: {},
    },
  },
  notes: [
    'Not confirmed, so not in the table: Fargate Linux/ARM64, Windows and ephemeral-storage rates outside us-east-1; gp3 outside us-east-1.',
    'Not confirmed, so not in the table: EC2 prices in eu-central-1 and ap-southeast-1 (public transcriptions disagree or were not found); in us-west-2 the t4g, r7g, m7i and medium Graviton sizes; in eu-west-1 everything but t3, m5 and m6i.large/xlarge.',
    'Not confirmed, so not in the table: EC2 Windows license-included prices (EC2 comparisons are made for Linux tasks only).',
    'Spot prices move with supply and demand; the Spot factors are averages or planning assumptions, not quotes.',
  ],
};
