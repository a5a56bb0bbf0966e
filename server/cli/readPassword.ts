/**
 * Reading a password without echoing it: from standard input (`--password-stdin`, one line)
 * or typed at a terminal prompt (twice), never from the command line.
 */
import { CliError, type CliIo } from './command.ts';

export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.replace(/\r?\n$/, '');
  if (line.includes('\n')) throw new CliError('--password-stdin 只读取一行密码');
  if (!line) throw new CliError('标准输入中没有密码');
  return line;
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new CliError('已取消'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** `--password-stdin`, or a hidden prompt typed twice at a terminal. */
export async function readNewPassword(fromStdin: boolean, io: Pick<CliIo, 'stdin'>): Promise<string> {
  if (fromStdin) return readPasswordFromStdin(io.stdin);
  // The prompt reads the process's own terminal: only `onemap` itself has one.
  if (!io.stdin.isTTY || io.stdin !== process.stdin)
    throw new CliError('不在终端中运行：请用 --password-stdin 从标准输入提供密码');
  const first = await promptHidden('密码：');
  const second = await promptHidden('再输入一次：');
  if (first !== second) throw new CliError('两次输入的密码不一致');
  return first;
}
