// The program templates' commands in Electron: every path they use comes from main's dialogs — a
// template file to read (open, .pdtemplate filter), the new plan (save, .plandesk), a template to
// write (save, .pdtemplate) — never from the renderer, and a canceled dialog cancels the command.
import { describe, expect, it } from 'vitest';
import { templatesPathArgs } from '../../shared/commands/templates';
import type { HostPathSlot } from '../../shared/commands/history';
import { fillPathArgs, PathGrants } from './path-grants';

async function run(name: string, args: Record<string, unknown>, ...answers: (string | undefined)[]) {
  const asked: HostPathSlot[] = [];
  const r = await fillPathArgs(templatesPathArgs[name], name, args, new PathGrants(), async (slot) => {
    asked.push(slot);
    return answers.shift();
  });
  return { ...r, dialogs: asked.map((s) => `${s.dialog}:${s.slot}:${s.filter}`) };
}

describe('template commands take their paths from main\'s dialogs', () => {
  it('a new plan from a built-in template: one save dialog for the plan', async () => {
    const r = await run('templates/newPlan', { template: { kind: 'builtin', id: 'mtqg-2026-2035' }, year: 2027, path: '/etc/passwd' }, '/home/a/kh-2027.plandesk');
    expect(r).toMatchObject({ ok: true, args: { template: { kind: 'builtin', id: 'mtqg-2026-2035' }, path: '/home/a/kh-2027.plandesk' }, dialogs: ['save:path:plandesk'] });
  });

  it('a new plan from a template file: the file is chosen (open, .pdtemplate), then the plan', async () => {
    const r = await run('templates/newPlan', { template: { kind: 'file', path: '/etc/shadow' }, year: 2027, path: '' }, '/home/a/mau.pdtemplate', '/home/a/moi.plandesk');
    expect(r).toMatchObject({ ok: true, args: { template: { kind: 'file', path: '/home/a/mau.pdtemplate' }, path: '/home/a/moi.plandesk' } });
    expect(r.dialogs).toEqual(['open:template:template', 'save:path:plandesk']);
  });

  it('next year\'s plan and saving a template: their own dialogs; a cancel cancels', async () => {
    expect((await run('templates/nextYear', { template: { kind: 'builtin', id: 'mtqg-2026-2035' }, year: 2026, path: 'x' }, '/h/2026.plandesk')).dialogs).toEqual(['save:path:plandesk']);
    const saved = await run('templates/save', { name: 'Mẫu', path: '/etc/x' }, '/h/mau.pdtemplate');
    expect(saved).toMatchObject({ ok: true, args: { name: 'Mẫu', path: '/h/mau.pdtemplate' }, dialogs: ['save:path:template'] });
    expect(await run('templates/save', { name: 'Mẫu', path: '' }, undefined)).toMatchObject({ ok: false, error: { code: 'error.canceled' } });
  });
});
