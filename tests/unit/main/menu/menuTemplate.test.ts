import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuItemSpec } from '../../../../src-main/menu/menuTemplate';
import { MENU_TEXTS } from '../../../../src-main/menu/menuTexts';
import { READY_SECTIONS, SECTION_IDS, sectionOfDigit } from '../../../../src-shared/app/appCommands';
import { SECTIONS } from '../../../../src-renderer/router/sections';
import { de } from '../../../../src-renderer/i18n/messages/de';
import { en } from '../../../../src-renderer/i18n/messages/en';
import { fr } from '../../../../src-renderer/i18n/messages/fr';

const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((item) => [item, ...flat(item.submenu ?? [])]);
const make = (platform: NodeJS.Platform, language = 'en', development = false) => menuTemplate({ platform, language, development, ready: READY_SECTIONS, productName: 'Guichet Desktop' });

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, and on macOS the app menu first', () => {
    expect(make('win32').map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(make('darwin').map((item) => item.label)).toEqual(['Guichet Desktop', '&File', '&Edit', '&View', '&Window', '&Help']);
    expect(flat(make('darwin')[0]!.submenu!).map((item) => item.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    // Quit is in File except on macOS, where it is the app menu's.
    expect(flat(make('linux')).filter((item) => item.role === 'quit')).toHaveLength(1);
    expect(flat(make('darwin')).filter((item) => item.role === 'quit')).toHaveLength(1);
  });

  it('opens each built section with Ctrl/Cmd and its place in the navigation, keys left to the page', () => {
    const sections = flat(make('linux')).filter((item) => item.command?.kind === 'section');
    expect(sections.map((item) => [item.command, item.accelerator, item.registerAccelerator])).toEqual(
      SECTION_IDS.flatMap((section, index) => (READY_SECTIONS.has(section) ? [[{ kind: 'section', section }, `CmdOrCtrl+${index + 1}`, false]] : [])),
    );
    for (const item of sections) {
      const digit = item.accelerator!.split('+')[1]!;
      expect(sectionOfDigit(digit)).toBe(item.command?.kind === 'section' ? item.command.section : null);
    }
    expect(flat(make('linux')).find((item) => item.command?.kind === 'lockVault')?.accelerator).toBe('CmdOrCtrl+L');
    // Accelerators are unique.
    const keys = flat(make('linux')).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives reload and developer tools only in development', () => {
    expect(flat(make('linux')).some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
    expect(flat(make('linux', 'en', true)).filter((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toHaveLength(2);
  });

  it('speaks the app\'s language, naming the sections as the navigation does', () => {
    expect(make('linux', 'de-LU')[0]!.label).toBe('&Datei');
    expect(make('linux', 'fr')[0]!.label).toBe('&Fichier');
    expect(make('linux', 'pt-PT')[0]!.label).toBe('&File');
    for (const [language, messages] of [['de', de], ['fr', fr], ['en', en]] as const) {
      expect(MENU_TEXTS[language].sections).toEqual(Object.fromEntries(SECTION_IDS.map((id) => [id, messages.nav[id]])));
    }
  });

  it('knows the sections the renderer has, in its order, and which are built', () => {
    expect(SECTIONS.map((section) => section.id)).toEqual([...SECTION_IDS]);
    expect(SECTIONS.filter((section) => section.ready).map((section) => section.id)).toEqual(SECTION_IDS.filter((id) => READY_SECTIONS.has(id)));
  });
});
