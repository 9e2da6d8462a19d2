/*
 * dceff operator and carrier pages: sign-in, languages and batch uploads on top of the public API (/api/v1).
 * What the pages share is drawn here, into the places the page leaves for it, before the page's own script runs:
 * the sign-in controls of the header (<header class="top"> holding the page's <h1>), the sign-in card
 * (<section id="sign-in">) and the upload card (<section id="upload">); and their texts in both languages.
 */
'use strict';

const Portal = (() => {
  const state = {
    lang: localStorage.getItem('dceff.lang') || 'zh',
    token: sessionStorage.getItem('dceff.token') || '',
    texts: null
  };
  const $ = (id) => document.getElementById(id);
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  /** The texts of what is drawn here, and of the answers shown; a page's own texts come on top. */
  const SHARED_TEXTS = {
    zh: {
      idpSignIn: '统一身份认证登录', expired: '登录已过期，请重新登录。', signIn: '登录', signOut: '退出', signInTitle: '登录',
      tokenLabel: '粘贴令牌（JWT）', devOrg: '组织编码', uploadHint: '全部或全不：任何一行有误，什么也不保存，并列出每一个错误行。',
      templateCsv: '下载 CSV 模板', templateXlsx: '下载 XLSX 模板', file: '文件', uploadButton: '上传',
      chooseFile: '请先选择文件。', stored: '已保存。', rejected: '未保存：', badRows: '错误行', row: '行', field: '字段',
      reason: '原因', badToken: '令牌无效或已过期。', noToken: '请先粘贴令牌。', loadFailed: '加载失败：'
    },
    en: {
      idpSignIn: 'Sign in with your organization account', expired: 'Your session has expired; sign in again.',
      signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in', tokenLabel: 'Paste a token (JWT)',
      devOrg: 'Organization code',
      uploadHint: 'All or nothing: if any row is wrong nothing is stored, and every bad row is listed.',
      templateCsv: 'Download the CSV template', templateXlsx: 'Download the XLSX template', file: 'File',
      uploadButton: 'Upload', chooseFile: 'Choose a file first.', stored: 'Stored.', rejected: 'Nothing stored:',
      badRows: 'Rows with errors', row: 'Row', field: 'Field', reason: 'Reason',
      badToken: 'The token is invalid or has expired.', noToken: 'Paste a token first.', loadFailed: 'Could not load: '
    }
  };

  document.querySelector('header.top').insertAdjacentHTML('beforeend', `
  <div class="top-actions">
    <span id="who" class="who"></span>
    <button id="lang" type="button" class="lang">English</button>
    <button id="sign-out" type="button" data-i18n="signOut" hidden>退出</button>
  </div>`);
  $('sign-in').innerHTML = `
    <h2 id="sign-in-title" data-i18n="signInTitle">登录</h2>
    <div id="idp-sign-in" class="row" hidden>
      <button id="idp-sign-in-button" type="button" class="primary" data-i18n="idpSignIn">统一身份认证登录</button>
    </div>
    <label for="token" data-i18n="tokenLabel">粘贴令牌（JWT）</label>
    <textarea id="token" rows="4" spellcheck="false" autocomplete="off"></textarea>
    <div class="row"><button id="sign-in-button" type="button" class="primary" data-i18n="signIn">登录</button></div>
    <div id="dev-sign-in" class="row" hidden>
      <label for="dev-org" data-i18n="devOrg">组织编码</label>
      <select id="dev-org"></select>
      <button id="dev-sign-in-button" type="button" data-i18n="devSignIn">开发登录</button>
    </div>
    <p id="sign-in-message" class="message" role="alert"></p>`;
  $('upload').innerHTML = `
      <h2 id="upload-title" data-i18n="upload">上传 CSV 或 XLSX</h2>
      <p class="hint" data-i18n="uploadHint">全部或全不：任何一行有误，什么也不保存，并列出每一个错误行。</p>
      <div class="row">
        <button id="template-csv" type="button" data-i18n="templateCsv">下载 CSV 模板</button>
        <button id="template-xlsx" type="button" data-i18n="templateXlsx">下载 XLSX 模板</button>
      </div>
      <form id="upload-form" class="row">
        <label for="upload-file" data-i18n="file">文件</label>
        <input id="upload-file" type="file" accept=".csv,.xlsx,text/csv,${XLSX}">
        <button type="submit" class="primary" data-i18n="uploadButton">上传</button>
      </form>
      <div id="upload-result" aria-live="polite"></div>`;

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
      headers: { 'Content-Type': xlsx ? XLSX : 'text/csv', Accept: 'application/json' }
    });
    return outcome(answer, output, onStored);
  }

  /**
   * Wires the upload card to a kind of batch: its templates from /api/v1/{kind}/template, the chosen file posted to
   * /api/v1/{kind}/batch, then onStored.
   */
  function uploads(kind, onStored) {
    const base = '/api/v1/' + kind;
    $('upload-form').addEventListener('submit', (event) => {
      event.preventDefault();
      upload(base + '/batch', $('upload-file').files[0], $('upload-result'), onStored);
    });
    $('template-csv').addEventListener('click', () => download(base + '/template', 'text/csv',
      kind + '-template.csv'));
    $('template-xlsx').addEventListener('click', () => download(base + '/template', XLSX, kind + '-template.xlsx'));
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
    state.texts = {
      zh: Object.assign({}, SHARED_TEXTS.zh, texts.zh),
      en: Object.assign({}, SHARED_TEXTS.en, texts.en)
    };
    translate();
    let organization;
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('dceff.lang', state.lang);
      translate();
      // what the page drew from the API (statuses, grades, totals) is drawn again in the new language
      if (!$('view').hidden) onSignedIn(organization).catch((e) => { $('message').textContent = e.message; });
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
      organization = who.org;
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
      // the organizations of this page's kind (operators or carriers), to act for one of them
      $('dev-org').replaceChildren(...(available.organizations || [])
        .filter((o) => o.kind === role.toUpperCase())
        .map((o) => el('option', { value: o.code }, o.code + ' ' + o.name)));
    } catch (e) {
      $('dev-sign-in').hidden = true;
    }
    $('dev-sign-in-button').addEventListener('click', async () => {
      const org = $('dev-org').value;
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

  return { start, t, el, api, json, upload, uploads, send, download, $, state, translate };
})();
