import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { InputError } from './usage';

async function stdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Where a command's input comes from: a file, standard input ("-"), or the argument itself (a URL, XML, base64). */
export async function readInput(arg: string): Promise<{ name: string; text: string }> {
  if (arg === '-') return { name: 'standard input', text: await stdin() };
  if (existsSync(arg)) {
    if (!statSync(arg).isFile()) throw new InputError(`${arg} is not a file`);
    return { name: arg, text: await readFile(arg, 'utf8') };
  }
  if (/^(https?:\/\/|<|SAML(Request|Response)=)/.test(arg.trim()) || /^[A-Za-z0-9+/=\s%]{40,}$/.test(arg.trim())) return { name: 'the argument', text: arg };
  throw new InputError(`${arg}: no such file (and it does not look like a URL, XML or a base64 message)`);
}
