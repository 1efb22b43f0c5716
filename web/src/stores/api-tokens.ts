import type { ApiTokenInfo, CreateApiTokenRequest, CreatedApiToken } from '@ecm365/shared';
import { defineStore } from 'pinia';
import { readonly, ref, watch } from 'vue';
import { apiTokensApi } from '../api/endpoints';
import { useBusyFlag } from './busy-flag';
import { useSessionStore } from './session';

type Busy = 'loading' | 'creating' | 'removing';

/** The tenant's API tokens, as the „API-Tokens“ page shows and changes them. */
export const useApiTokensStore = defineStore('api-tokens', () => {
  const tokens = ref<ApiTokenInfo[]>([]);
  /** The token just created: its secret is shown once, gone on the next change. */
  const revealed = ref<CreatedApiToken | null>(null);
  const { busy, run } = useBusyFlag<Busy>();

  // Nothing of one session may show to the next user (a logout, or a login in another tab).
  const session = useSessionStore();
  watch(
    () => (session.session ? `${session.session.tenant.slug}/${session.session.user.id}` : null),
    () => {
      tokens.value = [];
      revealed.value = null;
    },
  );

  const load = () =>
    run('loading', async () => {
      tokens.value = await apiTokensApi.list();
    });

  const create = (request: CreateApiTokenRequest) =>
    run('creating', async () => {
      const created = await apiTokensApi.create(request);
      revealed.value = created;
      tokens.value = await apiTokensApi.list();
      return created;
    });

  const remove = (id: string) =>
    run('removing', async () => {
      await apiTokensApi.remove(id);
      tokens.value = tokens.value.filter((token) => token.id !== id);
      if (revealed.value?.id === id) revealed.value = null;
    });

  return {
    tokens: readonly(tokens),
    revealed: readonly(revealed),
    busy: readonly(busy),
    load,
    create,
    remove,
    forgetToken: () => {
      revealed.value = null;
    },
  };
});
