import { html, page, type SafeHtml } from './html-layout.js';
import { describeScope } from './scopes.js';
import type { MicrosoftAccount } from './types.js';

/**
 * The emulator's pages. Stable hooks for browser tests (documented in README.md):
 * form `#signin-form`, account radios `input[name=account][value="<upn>"]`, buttons `#accept` / `#cancel`,
 * permission list `#permissions li[data-scope]`, hint `#hint`, error page `#error-code`, `#error-message`.
 */

export interface ChooserPage {
  /** Where the form posts to. */
  action: string;
  interactionId: string;
  appName: string;
  accounts: readonly MicrosoftAccount[];
  selectedUpn: string;
  scopes: readonly string[];
  /** Shown in red above the buttons, e.g. after "Akzeptieren" without an account. */
  hint?: string;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function accountList(accounts: readonly MicrosoftAccount[], selectedUpn: string): SafeHtml {
  const items = accounts.map(
    (account) =>
      html`<label class="account">
        <input
          type="radio"
          name="account"
          value="${account.upn}"
          required${account.upn.toLowerCase() === selectedUpn.toLowerCase() ? html` checked` : ''}
        />
        <span class="avatar" aria-hidden="true">${initials(account.displayName)}</span>
        <span class="who"
          ><span class="name">${account.displayName}</span><span class="upn">${account.upn}</span>
          <span class="kind"
            >${account.kind === 'work' ? 'Geschäfts-, Schul- oder Unikonto' : 'Persönliches Microsoft-Konto'}</span
          ></span
        >
      </label>`,
  );
  return html`<fieldset id="accounts">
    <legend class="visually-hidden">Konto</legend>
    ${items}
  </fieldset>`;
}

function permissionList(scopes: readonly string[]): SafeHtml {
  // "Sie anmelden und Ihr Profil lesen" (User.Read) already says what openid and profile would add.
  const covered = scopes.includes('User.Read') ? ['openid', 'profile'] : [];
  const items = scopes
    .filter((scope) => !covered.includes(scope))
    .map((scope) => html`<li data-scope="${scope}">${describeScope(scope)}</li>`);
  return html`<ul class="permissions" id="permissions">
    ${items}
  </ul>`;
}

function form(p: ChooserPage, content: SafeHtml): SafeHtml {
  return html`<form method="post" action="${p.action}" id="signin-form">
    <input type="hidden" name="interaction" value="${p.interactionId}" />
    ${content} ${p.hint ? html`<p class="hint" id="hint" role="alert">${p.hint}</p>` : ''}
    <div class="buttons">
      <button type="submit" class="primary" id="accept" name="action" value="accept">Akzeptieren</button>
      <button type="submit" class="secondary" id="cancel" name="action" value="cancel" formnovalidate>Abbrechen</button>
    </div>
  </form>`;
}

export function signInPage(p: ChooserPage): string {
  return page(
    'Anmelden – Konto auswählen',
    form(
      p,
      html`<h1 id="title">Konto auswählen</h1>
        <p class="sub">um mit <strong id="app-name">${p.appName}</strong> fortzufahren</p>
        ${accountList(p.accounts, p.selectedUpn)}
        <h2>Angeforderte Berechtigungen</h2>
        <p><strong>${p.appName}</strong> möchte:</p>
        ${permissionList(p.scopes)}
        <p class="fine">
          Wenn Sie diese Berechtigungen akzeptieren, erlauben Sie dieser App, Ihre Daten gemäß ihren Vertragsbedingungen
          und Datenschutzbestimmungen zu verwenden. Sie können diese Berechtigungen jederzeit unter
          https://myapps.microsoft.com ändern.
        </p>`,
    ),
  );
}

export function adminConsentPage(p: ChooserPage): string {
  return page(
    'Berechtigungen angefordert – Für Ihre Organisation akzeptieren',
    form(
      p,
      html`<h1 id="title">Berechtigungen angefordert</h1>
        <p class="sub">Für Ihre Organisation akzeptieren</p>
        ${accountList(p.accounts, p.selectedUpn)}
        <h2>Angeforderte Berechtigungen</h2>
        <p><strong id="app-name">${p.appName}</strong> möchte im Namen aller Benutzer Ihrer Organisation:</p>
        ${permissionList(p.scopes)}
        <p class="fine">
          Wenn Sie akzeptieren, erhält diese App Zugriff auf die angegebenen Ressourcen für alle Benutzer in Ihrer
          Organisation. Niemand sonst wird aufgefordert, diese Berechtigungen zu überprüfen.
        </p>`,
    ),
  );
}

export interface ErrorPageDetails {
  code: number;
  message: string;
  traceId: string;
  correlationId: string;
  timestamp: string;
}

/** Errors that must not redirect (unknown app, unregistered redirect URI): Entra shows a page instead. */
export function errorPage(d: ErrorPageDetails): string {
  return page(
    'Anmelden – Fehler',
    html`<h1 id="title">Es tut uns leid, aber beim Anmelden ist ein Problem aufgetreten.</h1>
      <p id="error-code"><code>AADSTS${d.code}</code></p>
      <p id="error-message">${d.message}</p>
      <dl id="error-details">
        <dt>Anforderungs-ID</dt>
        <dd>${d.traceId}</dd>
        <dt>Korrelations-ID</dt>
        <dd>${d.correlationId}</dd>
        <dt>Zeitstempel</dt>
        <dd>${d.timestamp}</dd>
      </dl>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(
    title,
    html`<h1 id="title">${title}</h1>
      <p id="message">${text}</p>`,
  );
}

/** response_mode=form_post: the browser posts the result to the redirect URI by itself. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  );
  return page(
    'Weiterleitung …',
    html`<form method="post" action="${redirectUri}" id="form-post">
        ${inputs}
        <noscript
          ><p>Bitte klicken Sie auf „Weiter“.</p>
          <button type="submit" class="primary">Weiter</button></noscript
        >
      </form>
      <script>
        document.getElementById('form-post').submit();
      </script>`,
  );
}
