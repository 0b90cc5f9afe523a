import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { InvalidDefinitionsError } from '../metadata/MetadataError';
import { apikeyCommand } from './apikeyCommand';
import { retentionCommand } from './retentionCommand';
import { importCommand } from './importCommand';
import { migrateCommand } from './migrateCommand';
import { planCommand } from './planCommand';
import { seedCommand } from './seedCommand';
import { serveCommand } from './serveCommand';
import { tokenCommand } from './tokenCommand';
import { validateCommand } from './validateCommand';

const USAGE = `relata <command>

  serve                              start the API (PORT, HOST, DATABASE_URL, DATA_DIR, METADATA_DIR)
  validate [dir]                     check definition files; exit 1 listing every problem
  plan [--json]                      what migrate would change, step by step; exit 1 if a step is refused
  migrate [--drop-retired T,T.f]     apply the plan in one transaction; drop only the listed retired
                                     types/fields, after saving their data under DATA_DIR/backups
  token --sub ID --roles R1,R2 [--teams T1,T2] [--areas A1,A2] [--expires SECONDS]
                                     print a JWT the local server accepts
  apikey create --role R1,R2 [--name N]  print a new API key once (only its hash is stored)
  apikey list | apikey revoke ID     list keys; revoke one at once
  retention run                      anonymise or delete records past their type's retention
  seed --companies N [--seed S]      generate N companies and related records
  import FILE --type T [--mapping F] [--mode DRY_RUN|ALL_OR_NOTHING|SKIP_BAD_ROWS] [--upsert-key K]
                                     import a CSV file (default: a dry run that only reports)`;

/** The `relata` command line: thin wrappers over the library, exit codes for scripts. */
async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    // parseArgs rejects unknown or malformed options: a usage error like an unknown command.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serveCommand(config);
    case 'validate':
      return validateCommand(rest[0] ?? config.metadataDir);
    case 'plan': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
      return planCommand(config, values);
    }
    case 'migrate': {
      const { values } = parseArgs({ args: rest, options: { 'drop-retired': { type: 'string' } } });
      return migrateCommand(config, values);
    }
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          sub: { type: 'string' },
          roles: { type: 'string' },
          teams: { type: 'string' },
          areas: { type: 'string' },
          expires: { type: 'string' },
        },
      });
      return tokenCommand(config, values);
    }
    case 'apikey': {
      const { values, positionals } = parseArgs({
        args: rest.slice(1),
        allowPositionals: true,
        options: { role: { type: 'string' }, name: { type: 'string' } },
      });
      return apikeyCommand(config, rest[0], positionals, values);
    }
    case 'retention':
      return retentionCommand(config, rest[0]);
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { companies: { type: 'string' }, seed: { type: 'string' } } });
      return seedCommand(config, values);
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { type: { type: 'string' }, mapping: { type: 'string' }, mode: { type: 'string' }, 'upsert-key': { type: 'string' } },
      });
      return importCommand(config, positionals[0], values);
    }
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof InvalidDefinitionsError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
