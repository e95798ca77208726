#!/usr/bin/env node
/** The `leadloop` command (SPEC §10): start, migrate, import, train, predict, simulate, plan, demo. */
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { type ModelTarget, modelTargets } from '../domain/lead-features/model-target.js';
import { type SimulationKind, simulationKinds } from '../domain/simulation/simulation-types.js';
import { DataDirBusy } from '../store/data-dir-lock.js';
import { runDemo } from './demo.js';
import { runImport } from './import.js';
import { runMigrate } from './migrate.js';
import { planCommand } from './plan.js';
import { runPredict } from './predict.js';
import { isSimulationKind, runSimulate } from './simulate.js';
import { runStart } from './start.js';
import { runTrain } from './train.js';

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
};

const target = (value: string): ModelTarget => {
  if (!(modelTargets as readonly string[]).includes(value))
    throw new InvalidArgumentError(`the target is one of ${modelTargets.join(', ')}`);
  return value as ModelTarget;
};

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
};

const simulationKind = (value: string): SimulationKind => {
  if (!isSimulationKind(value)) throw new InvalidArgumentError(`the kind is one of ${simulationKinds.join(', ')}`);
  return value;
};

const isoDate = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('an ISO date, e.g. 2026-01-01');
  return value;
};

const program = new Command('leadloop').description('LeadLoop: closed-loop B2B lead operations').showHelpAfterError();
const configOf = (opts: { port?: number; data?: string }) =>
  loadConfig(process.env, { port: opts.port, data: opts.data });

program
  .command('start')
  .description('serve the API (embedded PGlite in --data, or PostgreSQL from DATABASE_URL)')
  .option('-p, --port <n>', 'port (env PORT, default 3000)', port)
  .option('-d, --data <dir>', 'PGlite data directory (env LEADLOOP_DATA_DIR, default ./.leadloop)')
  .action((opts) => runStart(configOf(opts)));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .option('-d, --data <dir>', 'PGlite data directory')
  .action((opts) => runMigrate(configOf(opts)));

program
  .command('import <file>')
  .description('import leads from a CSV (UTF-8, BOM or GBK) or XLSX file, with a progress bar')
  .option('-d, --data <dir>', 'PGlite data directory')
  .option('--as <email>', 'the user the import is recorded for (default: the bootstrap admin)')
  .option('--errors <file>', 'where to write the error report CSV (default: <file>.errors.csv)')
  .option('--history', 'past leads to learn from (needs an outcome/结果 column; no contact details needed)')
  .action((file, opts) => runImport(configOf(opts), file, opts));

program
  .command('train')
  .description('train a predictive model on the history and live leads and print its report')
  .option('-d, --data <dir>', 'PGlite data directory')
  .option('--target <stage>', 'the stage to foresee: sql, opportunity or won', target, 'sql')
  .option('--as <email>', 'the user the training is recorded for (default: the bootstrap admin)')
  .option('--activate', 'make the new model the active one')
  .action((opts) => runTrain(configOf(opts), opts));

program
  .command('predict [leadIds...]')
  .description('the active predictive model on live leads: named ones with their factors, or the most likely open ones')
  .option('-d, --data <dir>', 'PGlite data directory')
  .option('--top <n>', 'how many of the most likely open leads to list', positiveInt, 20)
  .option('--among <n>', 'how many of the newest live leads to rank', positiveInt, 5000)
  .option('--as <email>', 'the user whose leads to read (default: the bootstrap admin)')
  .action((leadIds, opts) => runPredict(configOf(opts), leadIds, opts));

program
  .command('simulate')
  .description('replay a period of live leads through a candidate policy next to the one in force (writes nothing)')
  .requiredOption('--kind <kind>', 'scoring, definition, routing or sla', simulationKind)
  .requiredOption(
    '--candidate <file|id>',
    'a JSON file with the body the settings API takes ({rules}, {criteria}, {rules, policy}, {policy}) or a stored version id',
  )
  .requiredOption('--from <date>', 'start of the period (ISO date)', isoDate)
  .requiredOption('--to <date>', 'end of the period, not included (ISO date)', isoDate)
  .option('-d, --data <dir>', 'PGlite data directory')
  .option('--as <email>', 'the user the simulation runs as (default: the bootstrap admin)')
  .option('--json', 'print the API’s JSON answer')
  .action((opts) => runSimulate(configOf(opts), opts));

program.addCommand(planCommand());

program
  .command('demo')
  .description('load a realistic demo workspace: users of every role, channels, Chinese B2B leads with touches')
  .option('-d, --data <dir>', 'PGlite data directory')
  .option('--leads <n>', 'how many leads', (v) => Number.parseInt(v, 10), 300)
  .action((opts) => runDemo(configOf(opts), opts));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirBusy) {
    console.error(`leadloop: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
