/**
 * Answers the emulator's sign-in and consent page over HTTP as a browser does: GET the authorize URL, read the
 * form, POST the chosen account and button, stop at the redirect. The markup read here is this package's own
 * (html-pages.ts), so the emulator's tests, the api's tests and the bench use this rather than each matching it.
 *
 * Global fetch rather than undici's: undici is only a dev dependency of this package. Callers pass the dispatcher
 * (an undici Agent) that trusts the emulator's CA, so TLS verification stays on.
 */

export interface ConsentChoice {
  /** UPN of the account radio to select; without one, „Akzeptieren“ shows the page again with a hint. */
  account?: string | undefined;
  /** The button clicked: „Akzeptieren“ or „Abbrechen“. */
  action: 'accept' | 'cancel';
}

export interface ConsentRequestOptions extends ConsentChoice {
  /** An undici dispatcher for both requests, e.g. `new Agent({ connect: { ca: emulator.caCertPem } })`. */
  dispatcher?: RequestInit['dispatcher'];
}

/** The emulator's answer to the form: a redirect (`location`) or a page shown again or instead (`html`). */
export interface ConsentAnswer {
  status: number;
  location: string | undefined;
  html: string;
}

interface SignInForm {
  /** Where the form posts to, as written in the page (a path). */
  action: string;
  interaction: string;
}

/** The form of the sign-in and the admin-consent page (`#signin-form`, see html-pages.ts). */
function findSignInForm(html: string): SignInForm | undefined {
  const action = /<form method="post" action="([^"]+)" id="signin-form">/.exec(html)?.[1];
  const interaction = /name="interaction" value="([^"]+)"/.exec(html)?.[1];
  return action && interaction ? { action, interaction } : undefined;
}

async function postSignInForm(
  form: SignInForm,
  pageUrl: string | URL,
  options: ConsentRequestOptions,
): Promise<ConsentAnswer> {
  const body = new URLSearchParams({ interaction: form.interaction, action: options.action });
  if (options.account) body.set('account', options.account);
  const response = await fetch(new URL(form.action, pageUrl), {
    method: 'POST',
    body,
    // The redirect goes to the app's callback, which the caller wants to inspect or call itself.
    redirect: 'manual',
    dispatcher: options.dispatcher,
  });
  return {
    status: response.status,
    location: response.headers.get('location') ?? undefined,
    html: await response.text(),
  };
}

/**
 * Submits the sign-in form in `html` (a page served from `pageUrl`) like a click on one of its buttons. Redirects
 * are not followed; the answer may also be a page (the form again with a hint, an error, a form_post).
 */
export async function submitSignInForm(
  html: string,
  pageUrl: string | URL,
  options: ConsentRequestOptions,
): Promise<ConsentAnswer> {
  const form = findSignInForm(html);
  if (!form) throw new Error('no sign-in form on the page');
  return postSignInForm(form, pageUrl, options);
}

/**
 * Microsoft's page at `authorizeUrl`, answered as `options` say; returns the redirect the emulator sends the browser
 * (to the redirect URI, with code and state or with an error). Throws when the page has no form (an error page
 * instead) or the emulator does not redirect (e.g. no account chosen).
 */
export async function answerConsentPage(
  authorizeUrl: string | URL,
  options: ConsentRequestOptions,
): Promise<{ status: number; location: string }> {
  const page = await fetch(authorizeUrl, { redirect: 'manual', dispatcher: options.dispatcher });
  const form = findSignInForm(await page.text());
  if (!form) throw new Error(`no sign-in form on Microsoft's page (${page.status})`);
  const answer = await postSignInForm(form, authorizeUrl, options);
  if (!answer.location) {
    // The page the emulator showed instead, squashed and cut, is usually enough to see why (hint, error code).
    const shown = answer.html.replace(/\s+/g, ' ').slice(0, 500);
    throw new Error(`Microsoft did not redirect back (${answer.status}): ${shown}`);
  }
  return { status: answer.status, location: answer.location };
}
