// Who and where this process is: the OS user name and the computer name. The audit log records
// them with every change and lock files show them to whoever else tries to open the plan.
import os from 'node:os';

let cached: { user: string; host: string } | null = null;

export function identity(): { user: string; host: string } {
  if (cached) return cached;
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (containers) or a locked-down Windows profile: fall back to the environment.
  }
  user ||= process.env.USERNAME ?? process.env.USER ?? '?';
  let host = '';
  try {
    host = os.hostname();
  } catch {
    // Never fatal: the host only helps people recognise a lock.
  }
  cached = { user, host: host || process.env.COMPUTERNAME || '?' };
  return cached;
}
