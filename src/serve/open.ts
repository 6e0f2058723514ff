/** `--open`: hands the URL to the desktop's default browser, without keeping it as a child of mujaz. */
import { spawn } from 'node:child_process';
import type { Reporter } from '../reporter.js';

export function openCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

export function openBrowser(url: string, reporter: Reporter): void {
  const { command, args } = openCommand(url);
  const failed = () => reporter.info(`mujaz: could not open a browser (${command}); open ${url} yourself`);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', failed);
    child.unref();
  } catch {
    failed();
  }
}
