/** Entry point of the phaseline bin: runs the CLI on the process's arguments and sets its exit code. */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), { columns: process.stdout.isTTY ? process.stdout.columns : undefined });
