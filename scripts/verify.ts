// Command line for the independent verifier:
//   npx tsx scripts/verify.ts <box.json> [--jws <result.jws>] [--jwks <keys.json>] [--result <result.json>]
//   npx tsx scripts/verify.ts --notice <notice.jws> --jwks <keys.json> [--notice-json <notice.json>]
//   npx tsx scripts/verify.ts --export <export.json>   (recomputes every project's combined satisfaction)
// Exit status 0 only when every check passes, 1 otherwise (including unreadable input).

import { readFileSync } from 'node:fs';
import { formatExportReport, verifyExport } from './verify-export.js';
import { formatNoticeReport, formatReport, verifyBox, verifyNotice, type VerifyOptions } from './verify-lib.js';

const USAGE =
  '用法 Usage: npx tsx scripts/verify.ts <box.json> [--jws <result.jws>] [--jwks <keys.json>] [--result <result.json>]\n' +
  '       npx tsx scripts/verify.ts --notice <notice.jws> --jwks <keys.json> [--notice-json <notice.json>]\n' +
  '       npx tsx scripts/verify.ts --export <export.json>';

type Args = { box?: string; jws?: string; jwks?: string; result?: string; notice?: string; 'notice-json'?: string; export?: string };
const fileOptions = ['--jws', '--jwks', '--result', '--notice', '--notice-json', '--export'];

function parseArgs(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (fileOptions.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a file name`);
      out[arg.slice(2) as keyof Args] = value;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else if (out.box === undefined) {
      out.box = arg;
    } else {
      throw new Error(`unexpected argument ${arg}`);
    }
  }
  if (out.box === undefined && out.notice === undefined && out.export === undefined) throw new Error('no box file (or --notice, --export) given');
  if (out.notice !== undefined && out.jwks === undefined) throw new Error('--notice needs --jwks');
  return out;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${what} ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${what} ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.export !== undefined) {
    try {
      const report = verifyExport(readJson(args.export, 'export'));
      console.log(formatExportReport(report));
      return report.ok ? 0 : 1;
    } catch (err) {
      console.error(`核验无法进行 / cannot verify: ${(err as Error).message}`);
      return 1;
    }
  }
  if (args.notice !== undefined) {
    try {
      const copy = args['notice-json'] === undefined ? undefined : readJson(args['notice-json'], 'notice');
      const report = await verifyNotice(readFileSync(args.notice, 'utf8'), readJson(args.jwks!, 'keys'), copy);
      console.log(formatNoticeReport(report));
      if (!report.ok || args.box === undefined) return report.ok ? 0 : 1;
    } catch (err) {
      console.error(`核验无法进行 / cannot verify: ${(err as Error).message}`);
      return 1;
    }
  }
  try {
    const box = readJson(args.box!, 'box');
    const opts: VerifyOptions = {};
    if (args.jws !== undefined) opts.jws = readFileSync(args.jws, 'utf8');
    if (args.jwks !== undefined) opts.jwks = readJson(args.jwks, 'keys');
    if (args.result !== undefined) opts.result = readJson(args.result, 'result');
    const report = await verifyBox(box, opts);
    console.log(formatReport(report));
    return report.ok ? 0 : 1;
  } catch (err) {
    console.error(`核验无法进行 / cannot verify: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
