// The native application menu, on macOS only (elsewhere the window's own menu is the only one, see
// main.ts). Its items forward to the renderer (which owns the in-window menu with the same
// actions), so behaviour lives in one place.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { t, type Lang } from '../../shared/i18n';
import { recentLabels, recentMenuLabel } from '../../shared/recent-files';

export function buildMenu(getWindow: () => BrowserWindow | null, lang: Lang, recent: string[], openRecent: (f: string) => void): Menu {
  const send = (action: string) => () => getWindow()?.webContents.send('plandesk:event', { type: 'menu', action });
  const template: MenuItemConstructorOptions[] = [
    {
      label: t(lang, 'menu.file'),
      submenu: [
        { label: t(lang, 'menu.file.new'), accelerator: 'CmdOrCtrl+N', click: send('new') },
        { label: t(lang, 'menu.file.open'), accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: t(lang, 'menu.file.openInNewWindow'), click: send('openInNewWindow') },
        { label: t(lang, 'menu.file.newInNewWindow'), accelerator: 'CmdOrCtrl+Shift+N', click: send('newInNewWindow') },
        {
          label: t(lang, 'menu.file.recent'),
          // The same names as the window's File menu: the file and as much of its folder as tells it apart.
          submenu: recent.length
            ? recentLabels(recent).map((l) => ({ label: recentMenuLabel(l), toolTip: l.path, click: () => openRecent(l.path) }))
            : [{ label: '—', enabled: false }],
        },
        { label: t(lang, 'menu.file.saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
        { type: 'separator' },
        { label: t(lang, 'transfer.menu.import'), click: send('transfer.import') },
        { label: t(lang, 'transfer.menu.export'), click: send('transfer.export') },
        { type: 'separator' },
        { label: t(lang, 'print.menu.preview'), accelerator: 'CmdOrCtrl+P', click: send('print.preview') },
        { type: 'separator' },
        { label: t(lang, 'menu.file.quit'), role: 'quit' },
      ],
    },
    {
      label: t(lang, 'menu.edit'),
      submenu: [
        { label: t(lang, 'menu.edit.undo'), accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: t(lang, 'menu.edit.redo'), accelerator: 'CmdOrCtrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
      ],
    },
    {
      label: t(lang, 'menu.view'),
      submenu: [
        { label: t(lang, 'menu.view.expandAll'), click: send('expandAll') },
        { label: t(lang, 'menu.view.collapseAll'), click: send('collapseAll') },
        { type: 'separator' },
        { label: t(lang, 'lang.vi'), click: send('lang.vi') },
        { label: t(lang, 'lang.en'), click: send('lang.en') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
