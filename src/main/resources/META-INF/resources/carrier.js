/* The carrier's page: base stations as CSV or XLSX, own sharing rate by district, unshared new builds. */
'use strict';

const CARRIER_TEXTS = {
  zh: {
    title: '基站共建共享报送', idpSignIn: '统一身份认证登录', expired: '登录已过期，请重新登录。', signIn: '登录', signOut: '退出', signInTitle: '登录', tokenLabel: '粘贴令牌（JWT）',
    devOrg: '组织编码', devSignIn: '开发登录（运营商·基站）', upload: '上传基站 CSV 或 XLSX',
    uploadHint: '全部或全不：任何一行有误，什么也不保存，并列出每一个错误行。', templateCsv: '下载 CSV 模板',
    templateXlsx: '下载 XLSX 模板', file: '文件', uploadButton: '上传', chooseFile: '请先选择文件。',
    stored: '已保存。', rejected: '未保存：', badRows: '错误行', row: '行', field: '字段', reason: '原因',
    sharing: '我的新建基站共享率', year: '年份', district: '区', newBuilds: '新建', shared: '共享', rate: '共享率',
    unshared: '未共享的新建基站', siteId: '站址', technology: '制式', builtOn: '建成日期',
    totalLine: '{year} 年新建 {n} 个，共享 {s} 个，共享率 {r}', badToken: '令牌无效或已过期。',
    wrongRole: '此页面需要基站运营商（carrier）角色的令牌。', noToken: '请先粘贴令牌。', loadFailed: '加载失败：'
  },
  en: {
    title: 'Base-station sharing', idpSignIn: 'Sign in with your organization account',
    expired: 'Your session has expired; sign in again.', signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in',
    tokenLabel: 'Paste a token (JWT)', devOrg: 'Organization code', devSignIn: 'Development sign-in (carrier)',
    upload: 'Upload base stations (CSV or XLSX)',
    uploadHint: 'All or nothing: if any row is wrong nothing is stored, and every bad row is listed.',
    templateCsv: 'Download the CSV template', templateXlsx: 'Download the XLSX template', file: 'File',
    uploadButton: 'Upload', chooseFile: 'Choose a file first.', stored: 'Stored.', rejected: 'Nothing stored:',
    badRows: 'Rows with errors', row: 'Row', field: 'Field', reason: 'Reason', sharing: 'My sharing of new sites',
    year: 'Year', district: 'District', newBuilds: 'New', shared: 'Shared', rate: 'Rate',
    unshared: 'New sites not shared', siteId: 'Site', technology: 'Technology', builtOn: 'Built on',
    totalLine: '{year}: {n} new sites, {s} shared, rate {r}', badToken: 'The token is invalid or has expired.',
    wrongRole: 'This page needs a token with the carrier role.', noToken: 'Paste a token first.',
    loadFailed: 'Could not load: '
  }
};

(() => {
  const { $, el, t, json, upload, download } = Portal;
  const rate = (shared, total) => total ? (100 * shared / total).toFixed(1) + '%' : '—';

  let shown = 0; // the latest load; an earlier one that answers later is dropped

  async function load() {
    const mine = ++shown;
    const year = $('year').value;
    const [districts, sharing] = await Promise.all([json('/api/v1/districts'),
      json('/api/v1/base-stations/sharing?groupBy=district&year=' + encodeURIComponent(year))]);
    const names = new Map(districts.map((d) => [d.code, Portal.state.lang === 'zh' ? d.nameZh : d.nameEn]));
    const rows = sharing.items.map((r) => el('tr', { 'data-district': r.key }, el('td', {}, names.get(r.key) || r.key),
      el('td', {}, String(r.newBuilds)), el('td', {}, String(r.shared)), el('td', {}, rate(r.shared, r.newBuilds))));
    if (mine !== shown) return;
    const all = sharing.overall.newBuilds;
    const shared = sharing.overall.shared;
    document.querySelector('#sharing tbody').replaceChildren(...rows);
    $('total').textContent = t('totalLine', { year, n: all, s: shared, r: rate(shared, all) });
    const unshared = await json('/api/v1/base-stations?size=100&shared=false&builtYear=' + year);
    if (mine !== shown) return;
    document.querySelector('#unshared tbody').replaceChildren(...unshared.items.map((b) => el('tr', {},
      el('td', {}, b.siteId), el('td', {}, b.district), el('td', {}, b.technology), el('td', {}, b.builtOn))));
  }

  $('year').value = String(new Date().getFullYear());
  $('year').addEventListener('change', () => load().catch((e) => { $('message').textContent = e.message; }));
  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    upload('/api/v1/base-stations/batch', $('upload-file').files[0], $('upload-result'), () => load());
  });
  $('template-csv').addEventListener('click', () => download('/api/v1/base-stations/template', 'text/csv',
    'base-stations-template.csv'));
  $('template-xlsx').addEventListener('click', () => download('/api/v1/base-stations/template',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'base-stations-template.xlsx'));

  Portal.start(CARRIER_TEXTS, 'carrier', load);
})();
