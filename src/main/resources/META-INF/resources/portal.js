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

  function signOut(message) {
    IdentityProvider.forget();
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
    return outcome(answer, output, onStored);
  }

  /** Sends a JSON body (POST or PUT) and shows what was stored or every reason it was refused. */
  async function send(path, method, payload, output, onStored) {
    output.replaceChildren();
    const answer = await api(path, {
      method, body: JSON.stringify(payload),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' }
    });
    return outcome(answer, output, onStored);
  }

  /** "Stored", or the problem's detail with its errors (row, field, reason) as a table. */
  async function outcome(answer, output, onStored) {
    const body = await answer.json().catch(() => ({}));
    if (answer.ok) {
      output.append(el('p', { class: 'ok', role: 'status' }, t('stored')));
      if (onStored) await onStored(body);
      return body;
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
    return null;
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
      sessionStorage.removeItem('dceff.token'); // not signed in again on the way back from the provider
      try {
        if (await IdentityProvider.signOut()) return; // the provider ends its session too, and comes back here
      } catch (e) {
        // the provider is unreachable: this tab signs out all the same
      }
      signOut();
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
    await IdentityProvider.setUp($('idp-sign-in-button'), $('idp-sign-in'), {
      onToken: enter,
      onRenewed: (token) => {
        state.token = token;
        sessionStorage.setItem('dceff.token', token);
      },
      onExpired: () => signOut(t('expired')),
      onError: (e) => { $('sign-in-message').textContent = t('loadFailed') + e.message; }
    });
    if (state.token && $('view').hidden) enter(state.token);
  }

  return { start, t, el, api, json, upload, send, download, $, state, translate };
})();
