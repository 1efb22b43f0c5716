import type { IxFunction } from './ix-call.js';
import { alive, getConstants, login, logout } from './session-functions.js';
import { checkoutUsers, getUserNames } from './user-functions.js';

/** The IXServicePortIF functions the emulator answers; everything else is a 404 as on a real server. */
export const IX_FUNCTIONS: Readonly<Record<string, IxFunction>> = Object.freeze({
  login,
  logout,
  alive,
  getConstants,
  checkoutUsers,
  getUserNames,
});
