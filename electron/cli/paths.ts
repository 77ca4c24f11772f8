// The files a CLI command was given, checked before any work: an input that is missing, a folder or
// unreadable, and an output whose folder does not exist or that names a folder, each get their own
// one-line message (exit 1) instead of an engine error ("lỗi không mong muốn"). Whether an output
// may be written at all (a plan open or held elsewhere, --force) is the engine's write-target check.
import fs from 'node:fs';
import path from 'node:path';
import { tMessage, type Message } from '../../shared/i18n';
import { EXIT, langOf, type CliIO } from './io';

/** The problems a path can have (a narrow union: the whole dictionary's Message is too large for the checker). */
type Problem = Message<'error.not_found' | 'cli.error.is_folder' | 'cli.error.unreadable' | 'cli.error.out_is_folder' | 'cli.error.no_folder'>;

function inputProblem(file: string): Problem | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { key: 'error.not_found', params: { file } };
  }
  if (st.isDirectory()) return { key: 'cli.error.is_folder', params: { file } };
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    return { key: 'cli.error.unreadable', params: { file } };
  }
  return null;
}

function outputProblem(file: string): Problem | null {
  const folder = path.dirname(path.resolve(file));
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(file);
  } catch {
    // Not there yet: its folder must be.
  }
  if (st?.isDirectory()) return { key: 'cli.error.out_is_folder', params: { file } };
  let dir: fs.Stats;
  try {
    dir = fs.statSync(folder);
  } catch {
    return { key: 'cli.error.no_folder', params: { folder: path.dirname(file), file: path.basename(file) } };
  }
  if (!dir.isDirectory()) return { key: 'cli.error.no_folder', params: { folder: path.dirname(file), file: path.basename(file) } };
  return null;
}

/**
 * Check the command's input and output paths (undefined ones are skipped); on the first problem
 * print it and return EXIT.failed, else null.
 */
export function checkPaths(io: CliIO, inputs: (string | undefined)[], outputs: (string | undefined)[] = []): number | null {
  for (const f of inputs) {
    const p = f === undefined ? null : inputProblem(f);
    if (p) return report(io, p);
  }
  for (const f of outputs) {
    const p = f === undefined ? null : outputProblem(f);
    if (p) return report(io, p);
  }
  return null;
}

function report(io: CliIO, p: Problem): number {
  io.stderr(tMessage(langOf(io), p));
  return EXIT.failed;
}
