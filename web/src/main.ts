import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { onStaleCsrfToken, onUnauthorized } from './api/client';
import App from './App.vue';
import { i18n, setLocale, storedLocale } from './i18n';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles/base.css';

async function start() {
  const app = createApp(App);
  const pinia = createPinia();
  const router = createAppRouter();
  app.use(pinia).use(i18n).use(router);

  // One place handles an expired session for every API call: back to the login, then back here.
  onUnauthorized(() => {
    const session = useSessionStore(pinia);
    session.expire();
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.push({ name: 'login', query: { redirect: current.fullPath } });
  });
  // A token made stale by a login in another tab: take the current one and repeat the call once (same user only).
  onStaleCsrfToken(() => useSessionStore(pinia).refresh());

  await setLocale(storedLocale(), { remember: false });
  app.mount('#app');
}

void start();
