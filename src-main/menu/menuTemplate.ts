import { SECTION_IDS, type AppCommand } from '../../src-shared/app/appCommands';
import { pickLocale } from '../../src-shared/i18n/locales';
import { MENU_TEXTS } from './menuTexts';

/**
 * A menu item as plain data (Electron's MenuItemConstructorOptions without the click handler: `command` is what the
 * glue sends to the page). This file is plain Node: the glue turns it into Electron's Menu.
 */
export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  /** The page handles the keys itself (the same shortcut works in the dev host): the menu only shows them. */
  registerAccelerator?: boolean;
  command?: AppCommand;
  submenu?: MenuItemSpec[];
}

/** The sections the app has built (the others say "not available yet"): the only ones the menu offers. */
export type ReadySections = ReadonlySet<(typeof SECTION_IDS)[number]>;

/**
 * The application menu: File, Edit, View, Window, Help (and the app menu on macOS), in the app's language. Sections
 * have Ctrl/Cmd + their position (1 to 9), the vault's lock Ctrl/Cmd+L. Reload and developer tools only in
 * development: a packaged app has no way into the page's internals.
 */
export function menuTemplate(options: { platform: NodeJS.Platform; language: string; development: boolean; ready: ReadySections; productName: string }): MenuItemSpec[] {
  const texts = MENU_TEXTS[pickLocale([options.language])];
  const mac = options.platform === 'darwin';
  const sections: MenuItemSpec[] = SECTION_IDS.flatMap((section, index) =>
    options.ready.has(section) ? [{ label: texts.sections[section], accelerator: `CmdOrCtrl+${index + 1}`, registerAccelerator: false, command: { kind: 'section', section } } satisfies MenuItemSpec] : [],
  );
  const appMenu: MenuItemSpec = {
    label: options.productName,
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  const file: MenuItemSpec = {
    label: texts.file,
    submenu: [
      { label: texts.newProcedure, accelerator: 'CmdOrCtrl+N', command: { kind: 'newProcedure' } },
      { type: 'separator' },
      { label: texts.lockVault, accelerator: 'CmdOrCtrl+L', command: { kind: 'lockVault' } },
      ...(mac ? [] : [{ type: 'separator' } as MenuItemSpec, { role: 'quit' }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: texts.edit,
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItemSpec = {
    label: texts.view,
    submenu: [
      ...sections,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.development ? [{ type: 'separator' } as MenuItemSpec, { role: 'reload' }, { role: 'toggleDevTools' }] : []),
    ],
  };
  const window: MenuItemSpec = { label: texts.window, submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] };
  const help: MenuItemSpec = {
    label: texts.help,
    submenu: [{ label: texts.diagnostics, command: { kind: 'diagnostics' } }, ...(mac ? [] : [{ type: 'separator' } as MenuItemSpec, { label: texts.about, role: 'about' }])],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
