// Peak resident memory (VmHWM) of a process and its children, from /proc (Linux).
import fs from 'node:fs';

function children(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function peakKb(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The direct children of a process that run `what` (a cluster's workers, nginx's workers). */
export function childPids(pid: number, what: string): number[] {
  return children(pid).filter((k) => {
    try {
      return fs.readFileSync(`/proc/${k}/cmdline`, 'utf8').includes(what);
    } catch {
      return false;
    }
  });
}

/** Peak resident memory (VmHWM) of one process alone, in MB. */
export function processPeakRssMb(pid: number): number {
  return Math.round((peakKb(pid) / 1024) * 10) / 10;
}

/** Sum of the peak RSS of a process tree, in MB (nginx: the master and its workers). */
export function peakRssMb(pid: number): number {
  const all = [pid, ...children(pid)];
  return Math.round((all.reduce((s, p) => s + peakKb(p), 0) / 1024) * 10) / 10;
}

/** Resident memory (VmRSS) of one process now, in MB. */
export function rssMb(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : 0;
  } catch {
    return 0;
  }
}

/** Each process's resident memory now, for a row's note: 'workers 120 + 118 MB'. */
export const perProcess = (label: string, pids: number[]) =>
  `${label} ${pids.map((p) => rssMb(p).toFixed(0)).join(' + ')} MB`;
