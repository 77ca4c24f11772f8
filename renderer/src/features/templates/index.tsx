// The program templates in the main window: File → New plan (choose a template; Ctrl+N) and File →
// Save structure as template. The dialogs live here; App's 'new' action opens the first.
import { useSyncExternalStore } from 'react';
import { ValueStore } from '../../grid/grid-status';
import type { Feature } from '../types';
import { NewPlanDialog } from './NewPlanDialog';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import './templates.css';

/** Which dialog is open, outside React so menu actions and the keyboard can open them. */
const dialogOpen = new ValueStore<'new' | 'save' | null>(null);

export const templatesFeature: Feature = {
  id: 'templates',
  menus: (ctx) => ({
    file: [{ id: 'templates.save', label: ctx.t('menu.templates.save'), disabled: !ctx.store.meta, run: () => ctx.run('templates.save') }],
  }),
  actions: () => ({
    'templates.new': () => dialogOpen.set('new'),
    'templates.save': () => dialogOpen.set('save'),
  }),
  Overlay: function TemplatesOverlay({ ctx }) {
    const open = useSyncExternalStore(dialogOpen.subscribe, dialogOpen.get);
    const close = () => dialogOpen.set(null);
    if (open === 'new') return <NewPlanDialog ctx={ctx} onClose={close} />;
    if (open === 'save' && ctx.store.meta) return <SaveTemplateDialog ctx={ctx} onClose={close} />;
    return null;
  },
};
