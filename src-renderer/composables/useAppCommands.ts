import { onBeforeUnmount, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { sectionOfDigit, type AppCommand } from '../../src-shared/app/appCommands';
import { useGuichet } from '../bridge/useGuichet';
import { SECTIONS } from '../router/sections';

/**
 * The app's commands, from the application menu (desktop app) and from the keyboard: Ctrl/Cmd + 1…9 opens the section
 * at that place in the navigation (the menu shows these keys and leaves them to the page, so they work in the dev host
 * too). `lockVault` is the page's own lock, so it says what the lock button says.
 */
export function useAppCommands(actions: { lockVault: () => void; isUnlocked: () => boolean }): void {
  const guichet = useGuichet();
  const router = useRouter();

  function run(command: AppCommand): void {
    if (!actions.isUnlocked()) return;
    switch (command.kind) {
      case 'section': {
        const section = SECTIONS.find((candidate) => candidate.id === command.section);
        if (section) void router.push(section.path);
        break;
      }
      case 'newProcedure':
        void router.push('/catalogue');
        break;
      case 'diagnostics':
        // After the section's own focus move (App's afterEach): the report's button, in view.
        void router.push('/tokens').then(() =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const button = document.querySelector<HTMLElement>('[data-testid="diagnostics-create"]');
              button?.scrollIntoView({ block: 'center' });
              button?.focus();
            }),
          ),
        );
        break;
      case 'lockVault':
        actions.lockVault();
        break;
    }
  }

  function onKey(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const section = sectionOfDigit(event.key);
    if (!section) return;
    event.preventDefault();
    run({ kind: 'section', section });
  }

  let unsubscribe: (() => void) | null = null;
  onMounted(() => {
    window.addEventListener('keydown', onKey);
    unsubscribe = guichet.events.on('app.menuCommand', run);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey);
    unsubscribe?.();
  });
}
