/*
 * Sign-in with the identity provider, shared by every page: the authorization-code flow with PKCE in the
 * browser (oidc-client-ts), token renewal, expiry and sign-out. Only when the service names a provider
 * (/sign-in/config); the embedded default has none and offers its development tokens instead.
 */
'use strict';

const IdentityProvider = (() => {
  let users = null;

  /**
   * Offers the provider's sign-in button, and completes a sign-in that comes back from the provider.
   * @param hooks onToken(accessToken) at sign-in, onRenewed(accessToken) when renewed, onExpired() when the
   *              session ends without renewal, onError(error) when the return from the provider fails
   * @return whether a provider is configured
   */
  async function setUp(button, container, hooks) {
    let config;
    try {
      config = await (await fetch('/sign-in/config')).json();
    } catch (e) {
      return false;
    }
    if (!config.issuer || typeof oidc === 'undefined') return false;
    const here = location.origin + location.pathname;
    users = new oidc.UserManager({
      authority: config.issuer, client_id: config.clientId, scope: config.scope, response_type: 'code',
      redirect_uri: here, post_logout_redirect_uri: here, automaticSilentRenew: true,
      userStore: new oidc.WebStorageStateStore({ store: sessionStorage })
    });
    users.events.addUserLoaded((user) => hooks.onRenewed(user.access_token));
    // a failed renewal leaves the token as long as it lasts; when it expires unrenewed the session ends
    users.events.addAccessTokenExpired(() => hooks.onExpired());
    container.hidden = false;
    button.addEventListener('click', () => users.signinRedirect());
    const query = new URLSearchParams(location.search);
    if (query.has('code') && query.has('state')) {
      try {
        const user = await users.signinRedirectCallback();
        history.replaceState(null, '', here);
        await hooks.onToken(user.access_token);
      } catch (e) {
        history.replaceState(null, '', here);
        hooks.onError(e);
      }
    }
    return true;
  }

  /** Ends the provider's session too and comes back to the page; false when not signed in through it. */
  async function signOut() {
    if (!users || !(await users.getUser())) return false;
    await users.signoutRedirect();
    return true;
  }

  /** Forgets the provider's tokens in this tab (a refused or expired session). */
  function forget() {
    if (users) users.removeUser();
  }

  return { setUp, signOut, forget };
})();
