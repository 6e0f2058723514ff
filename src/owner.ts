/**
 * Who owns a lock or a temporary folder: a process, told by its id and its start time (so that an id the
 * system gave again to another process after the owner died is not taken for the owner), on this host.
 * A build killed with `kill -9` (or by the OOM killer) cleans nothing up; the next run asks whether the
 * owner of what it finds is still alive, and takes over at once when it is not. Node built-ins only:
 * src/browser/launch.ts, which bin/mujaz.js loads before anything else, uses it.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Owner {
  pid: number;
  /** The process's start time, in clock ticks since boot (Linux, /proc/PID/stat); "" where unknown. */
  start: string;
  host: string;
}

/** The start time of process `pid` ("" where the system does not say, or no such process). */
export function processStart(pid: number): string {
  try {
    // Field 22 of /proc/PID/stat; the command name (field 2, in parentheses) may hold spaces and ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

let self: Owner | undefined;

/** This process, as an owner. */
export function thisProcess(): Owner {
  self ??= { pid: process.pid, start: processStart(process.pid), host: os.hostname() };
  return self;
}

/**
 * Whether `owner` is certainly gone: on this host, and no process has its id, or the one that has it
 * started at another time. A process on another host, or one this process may not signal, counts as alive.
 */
export function ownerIsDead(owner: Owner): boolean {
  if (owner.host !== os.hostname() || !Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.pid === process.pid) return owner.start !== '' && owner.start !== thisProcess().start;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const start = processStart(owner.pid);
  return owner.start !== '' && start !== '' && start !== owner.start;
}

/** An owner as a name part: "PID-START" (START is 0 where unknown). */
export function ownerTag(owner: Owner = thisProcess()): string {
  return `${owner.pid}-${owner.start || '0'}`;
}

/** The owner a name part written by ownerTag stands for (on this host), or undefined. */
export function ownerFromTag(tag: string): Owner | undefined {
  const m = /^(\d+)-(\d+)$/.exec(tag);
  if (!m) return undefined;
  return { pid: Number(m[1]), start: m[2] === '0' ? '' : m[2]!, host: os.hostname() };
}
