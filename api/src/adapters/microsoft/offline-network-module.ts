import type { INetworkModule, NetworkResponse } from '@azure/msal-node';

/** Thrown when MSAL would have to call Microsoft during an acquisition that must stay in the cache. */
export class WouldCallMicrosoft extends Error {
  constructor() {
    super('the token cache cannot answer without calling Microsoft');
    this.name = 'WouldCallMicrosoft';
  }
}

/**
 * MSAL's network for an acquisition from the cache only: any request (a refresh, a metadata lookup) is refused
 * before it leaves, so no refresh token is ever spent on an attempt whose outcome would not be stored.
 */
export class OfflineNetworkModule implements INetworkModule {
  sendGetRequestAsync<T>(): Promise<NetworkResponse<T>> {
    return Promise.reject(new WouldCallMicrosoft());
  }

  sendPostRequestAsync<T>(): Promise<NetworkResponse<T>> {
    return Promise.reject(new WouldCallMicrosoft());
  }
}
