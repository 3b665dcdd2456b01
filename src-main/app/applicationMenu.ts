import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../src-shared/app/appCommands';
import { READY_SECTIONS } from '../../src-shared/app/appCommands';
import { menuTemplate, type MenuItemSpec } from '../menu/menuTemplate';

function toElectron(spec: MenuItemSpec, send: (command: AppCommand) => void): MenuItemConstructorOptions {
  const { command, submenu, role, ...rest } = spec;
  return {
    ...rest,
    ...(role ? { role: role as MenuItemConstructorOptions['role'] } : {}),
    ...(submenu ? { submenu: submenu.map((item) => toElectron(item, send)) } : {}),
    ...(command ? { click: () => send(command) } : {}),
  };
}

/** Sets the application menu in the given language; called again when the language changes. */
export function applyApplicationMenu(language: string, send: (command: AppCommand) => void): void {
  const template = menuTemplate({ platform: process.platform, language, development: !app.isPackaged, ready: READY_SECTIONS, productName: app.name });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((item) => toElectron(item, send))));
}
