/**
 * One run in its own process: the time to load a validation plugin's package into the process of a plain
 * aws-cdk-lib app that has already built and synthesized (so the aws-cdk-lib modules the app needs are loaded,
 * and only what the package adds is counted). A plain app that adds the plugin pays this once per synth, on top
 * of the plugin's validate(); an app built with the kit's constructs has loaded the kit already.
 * Usage: load.ts --package package|files|cdk-nag  (package: lib/index.js as it ships, after `npx projen compile`;
 *   files: the same modules as one file each, bench/out/src, as lib/ was before the bundling of scripts/bundle-lib.ts)
 * It requires the package and creates the plugin (`new EcsChecks()`, `new AwsSolutionsChecks(app)`), as an app does.
 * Prints one JSON line: { loadMs, modules }.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildApp } from './apps';
import { SHIPPED } from './kit';

const i = process.argv.indexOf('--package');
const which = i >= 0 ? process.argv[i + 1] : 'package';
const target = which === 'cdk-nag' ? 'cdk-nag' : which === 'files' ? path.join(__dirname, '..', 'src') : SHIPPED;
if (which === 'package' && !fs.existsSync(target)) throw new Error(`${target} is missing: run npx projen compile first`);

const app = new App({ outdir: path.join(__dirname, '..', 'load.cdk.out') });
buildApp(app, 1, 'plain');
app.synth();
const before = Object.keys(require.cache).length;
const t = process.hrtime.bigint();
// As an app uses it: the package, its plugin class, one plugin (cdk-nag's needs the app).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(target);
if (which === 'cdk-nag') new pkg.AwsSolutionsChecks(app);
else new pkg.EcsChecks();
const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
console.log(JSON.stringify({ loadMs, modules: Object.keys(require.cache).length - before }));
