import { checkinDocBegin, checkinDocEnd, createDoc } from './document-functions.js';
import { checkinSordPath } from './folder-functions.js';
import type { IxFunction } from './ix-call.js';
import { checkoutDocMask, checkoutSord, findClose, findFirstSords, findNextSords } from './lookup-functions.js';
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
  checkinSordPath,
  createDoc,
  checkinDocBegin,
  checkinDocEnd,
  checkoutSord,
  checkoutDocMask,
  findFirstSords,
  findNextSords,
  findClose,
});
