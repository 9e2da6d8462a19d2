/* dceff operator and carrier pages: sign-in, languages and batch uploads on top of the public API (/api/v1). */
'use strict';

const Portal = (() => {
  const state = {
    lang: localStorage.getItem('dceff.lang') || 'zh',
    token: sessionStorage.getItem('dceff.token') || '',
    texts: null
  };
  const $ = (id) => document.getElementById(id);

  function t(key, values) {
    const table = state.texts[state.lang];
    let text = table[key] !== undefined ? table[key] : key;
    Object.entries(values || {}).forEach(([k, v]) => { text = text.replace('{' + k + '}', v); });
    return text;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : c)));
    return node;
  }

  function translate() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
    $('lang').setAttribute('lang', state.lang === 'zh' ? 'en' : 'zh-CN');
  }

  /** The claims of a JWT, read only to show who is signed in; the API verifies the token. */
  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return {};
    }
  }

  async function api(path, options) {
    const answer = await fetch(path, Object.assign({}, options, {
      headers: Object.assign({ Authorization: 'Bearer ' + state.token }, (options || {}).headers)
    }));
    if (answer.status === 401) {
      signOut(t('badToken'));
      throw new Error(t('badToken'));
    }
    return answer;
  }

  async function json(path) {
    const answer = await api(path, { headers: { Accept: 'application/json' } });
    if (!answer.ok) throw new Error(t('loadFailed') + answer.status);
    return answer.json();
  }

  /** The identity provider's sign-in (authorization code with PKCE, oidc-client-ts), when one is configured. */
  let users = null;

  async function identityProvider(enter) {
    let config;
    try {
      config = await (await fetch('/sign-in/config')).json();
    } catch (e) {
      return;
    }
    if (!config.issuer || typeof oidc === 'undefined') return;
    const here = location.origin + location.pathname;
    users = new oidc.UserManager({
      authority: config.issuer, client_id: config.clientId, scope: config.scope, response_type: 'code',
      redirect_uri: here, post_logout_redirect_uri: here, automaticSilentRenew: true,
      userStore: new oidc.WebStorageStateStore({ store: sessionStorage })
    });
    users.events.addUserLoaded((user) => { // renewed
      state.token = user.access_token;
      sessionStorage.setItem('dceff.token', user.access_token);
    });
    users.events.addAccessTokenExpired(() => signOut(t('expired')));
    users.events.addSilentRenewError(() => signOut(t('expired')));
    $('idp-sign-in').hidden = false;
    $('idp-sign-in-button').addEventListener('click', () => users.signinRedirect());
    const query = new URLSearchParams(location.search);
    if (query.has('code') && query.has('state')) {
      try {
        const user = await users.signinRedirectCallback();
        history.replaceState(null, '', here);
        await enter(user.access_token);
      } catch (e) {
        history.replaceState(null, '', here);
        $('sign-in-message').textContent = t('loadFailed') + e.message;
      }
    }
  }

  function signOut(message) {
    if (users) {
      users.removeUser();
    }
    state.token = '';
    sessionStorage.removeItem('dceff.token');
    $('view').hidden = true;
    $('sign-in').hidden = false;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('sign-in-message').textContent = message || '';
  }

  /** Downloads a template through the API (it needs the token), as a file named by the service. */
  async function download(path, accept, name) {
    const answer = await api(path, { headers: { Accept: accept } });
    const link = el('a', { href: URL.createObjectURL(await answer.blob()), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }

  /** Posts the chosen CSV or XLSX file and shows every bad row, or what was stored. */
  async function upload(path, file, output, onStored) {
    output.replaceChildren();
    if (!file) {
      output.append(el('p', { class: 'message', role: 'alert' }, t('chooseFile')));
      return;
    }
    const xlsx = /\.xlsx$/i.test(file.name);
    const answer = await api(path, {
      method: 'POST', body: file,
      headers: { 'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv', Accept: 'application/json' }
    });
    const body = await answer.json().catch(() => ({}));
    if (answer.ok) {
      output.append(el('p', { class: 'ok', role: 'status' }, t('stored')));
      onStored(body);
      return;
    }
    output.append(el('p', { class: 'message', role: 'alert' }, t('rejected') + ' ' + (body.detail || answer.status)));
    if (Array.isArray(body.errors) && body.errors.length) {
      output.append(el('table', { class: 'data errors' },
        el('caption', {}, t('badRows')),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('row')), el('th', { scope: 'col' }, t('field')),
          el('th', { scope: 'col' }, t('reason')))),
        el('tbody', {}, body.errors.map((e) => el('tr', {}, el('td', {}, e.row == null ? '—' : String(e.row)),
          el('td', {}, e.field || ''), el('td', {}, e.message || ''))))));
    }
  }

  /**
   * Starts a page: texts in both languages, the role it needs, and what to show once signed in.
   * On the embedded default a development sign-in asks /dev/token for a token of that role and organization.
   */
  async function start(texts, role, onSignedIn) {
    state.texts = texts;
    translate();
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('dceff.lang', state.lang);
      translate();
    });
    const enter = async (token) => {
      const who = claims(token);
      if (!(who.groups || []).includes(role)) {
        $('sign-in-message').textContent = t('wrongRole');
        return;
      }
      state.token = token;
      sessionStorage.setItem('dceff.token', token);
      $('sign-in').hidden = true;
      $('view').hidden = false;
      $('sign-out').hidden = false;
      $('who').textContent = (who.sub || '') + (who.org ? ' · ' + who.org : '');
      try {
        await onSignedIn(who.org);
      } catch (e) {
        $('message').textContent = e.message;
      }
    };
    $('sign-in-button').addEventListener('click', () => {
      const token = $('token').value.trim();
      if (token) enter(token); else $('sign-in-message').textContent = t('noToken');
    });
    $('sign-out').addEventListener('click', async () => {
      if (users && await users.getUser()) {
        state.token = '';
        sessionStorage.removeItem('dceff.token');
        users.signoutRedirect().catch(() => signOut()); // ends the provider's session too, and comes back here
      } else {
        signOut();
      }
    });
    try {
      const available = await (await fetch('/dev/token/available')).json();
      $('dev-sign-in').hidden = !available.available;
    } catch (e) {
      $('dev-sign-in').hidden = true;
    }
    $('dev-sign-in-button').addEventListener('click', async () => {
      const org = $('dev-org').value.trim();
      const answer = await fetch('/dev/token?role=' + role + '&org=' + encodeURIComponent(org));
      if (answer.ok) enter((await answer.json()).token);
      else $('sign-in-message').textContent = t('loadFailed') + answer.status;
    });
    await identityProvider(enter);
    if (state.token && $('view').hidden) enter(state.token);
  }

  return { start, t, el, api, json, upload, download, $, state, translate };
})();
