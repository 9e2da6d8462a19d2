/* The carrier's page: base stations as CSV or XLSX, own sharing rate by district, unshared new builds. */
'use strict';

const CARRIER_TEXTS = {
  zh: {
    title: '基站共建共享报送', devSignIn: '开发登录（运营商·基站）', wrongRole: '此页面需要基站运营商（carrier）角色的令牌。',
    upload: '上传基站 CSV 或 XLSX', sharing: '我的新建基站共享率', year: '年份', district: '区', newBuilds: '新建',
    shared: '共享', rate: '共享率', unshared: '未共享的新建基站', siteId: '站址', technology: '制式', builtOn: '建成日期',
    totalLine: '{year} 年新建 {n} 个，共享 {s} 个，共享率 {r}', firstOf: '显示前 {n} 个，共 {total} 个'
  },
  en: {
    title: 'Base-station sharing', devSignIn: 'Development sign-in (carrier)',
    wrongRole: 'This page needs a token with the carrier role.', upload: 'Upload base stations (CSV or XLSX)',
    sharing: 'My sharing of new sites', year: 'Year', district: 'District', newBuilds: 'New', shared: 'Shared',
    rate: 'Rate', unshared: 'New sites not shared', siteId: 'Site', technology: 'Technology', builtOn: 'Built on',
    totalLine: '{year}: {n} new sites, {s} shared, rate {r}', firstOf: 'The first {n} of {total}'
  }
};


(() => {
  const { $, el, t, json } = Portal;
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
    const unshared = await json('/api/v1/base-stations?size=500&shared=false&builtYear=' + year);
    if (mine !== shown) return;
    document.querySelector('#unshared tbody').replaceChildren(...unshared.items.map((b) => el('tr', {},
      el('td', {}, b.siteId), el('td', {}, b.district), el('td', {}, b.technology), el('td', {}, b.builtOn))));
    // one page of them: say so when there are more
    $('unshared-count').textContent = unshared.total > unshared.items.length
      ? t('firstOf', { n: unshared.items.length, total: unshared.total }) : '';
  }

  $('year').value = String(new Date().getFullYear());
  $('year').addEventListener('change', () => load().catch((e) => { $('message').textContent = e.message; }));
  Portal.uploads('base-stations', () => load());

  Portal.start(CARRIER_TEXTS, 'carrier', load);
})();
