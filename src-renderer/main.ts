import './styles/main.css';
import { createRendererApp } from './createRendererApp';

const guichet = window.guichet;
if (!guichet) {
  // Without the bridge there is nothing the app can do; say so plainly rather than render a broken shell.
  document.body.textContent = 'Guichet Desktop: the application bridge is missing.';
} else {
  const { app, router } = createRendererApp(guichet);
  void router.isReady().then(() => app.mount('#app'));
}
