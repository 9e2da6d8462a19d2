/* The operator's page: own data centers, a month in a form, many months as CSV or XLSX. */
'use strict';

const OPERATOR_TEXTS = {
  zh: {
    title: '数据中心能耗报送', devSignIn: '开发登录（运营商）', wrongRole: '此页面需要运营商（operator）角色的令牌。',
    dataCenters: '我的数据中心', code: '编号', name: '名称', racks: '机架数', lastMonth: '最近报送月份', missing: '缺报月份（近 12 个月）',
    trailingPue: '滚动 12 个月 PUE', grade: '等级', submitMonth: '报送一个月', dataCenter: '数据中心', period: '月份',
    facilityKwh: '总耗电量 kWh', itKwh: 'IT 设备耗电量 kWh', submit: '提交', upload: '上传 CSV 或 XLSX',
    none: '—', GRADE_1: '一级', GRADE_2: '二级', GRADE_3: '三级',
    EXCEEDS_LIMIT: '超出限值', NOT_APPLICABLE: '不适用', closure: '关停并转', pueToLeave: '需降至 PUE',
    CANDIDATE: '候选', NO_DATA: '无数据（须报送）', WATCH: '关注名单', NONE: '否', atMost: '≤ {p}',
    revisionsTitle: '修订记录与更正', showRevisions: '查看修订', note: '更正原因', correct: '提交更正',
    revision: '修订号', submittedAt: '提交时间（UTC）', submittedBy: '提交人', pue: 'PUE', noReport: '该月尚无报送。',
    registerTitle: '登记数据中心', district: '区', address: '地址', commissionedOn: '投入运行日期',
    designPue: '设计 PUE（可选）', register: '登记'
  },
  en: {
    title: 'Data-center energy reporting', devSignIn: 'Development sign-in (operator)',
    wrongRole: 'This page needs a token with the operator role.',
    dataCenters: 'My data centers', code: 'Code', name: 'Name', racks: 'Racks', lastMonth: 'Last month reported',
    missing: 'Missing months (last 12)', trailingPue: 'Trailing-12-month PUE', grade: 'Grade', submitMonth: 'Report a month',
    dataCenter: 'Data center', period: 'Month', facilityKwh: 'Facility energy kWh', itKwh: 'IT energy kWh',
    submit: 'Submit', upload: 'Upload CSV or XLSX', none: '—', GRADE_1: 'Grade 1',
    GRADE_2: 'Grade 2', GRADE_3: 'Grade 3', EXCEEDS_LIMIT: 'Exceeds the limit', NOT_APPLICABLE: 'Not applicable',
    closure: 'Closure rule', pueToLeave: 'PUE to reach', CANDIDATE: 'Candidate', NO_DATA: 'No data (report!)',
    WATCH: 'Watch list', NONE: 'No', atMost: '≤ {p}',
    revisionsTitle: 'Revisions and corrections', showRevisions: 'Show revisions', note: 'Reason for the correction',
    correct: 'Submit the correction', revision: 'Revision', submittedAt: 'Submitted (UTC)', submittedBy: 'By', pue: 'PUE',
    noReport: 'No report for this month yet.', registerTitle: 'Register a data center', district: 'District',
    address: 'Address', commissionedOn: 'In operation since', designPue: 'Design PUE (optional)', register: 'Register'
  }
};


(() => {
  const { $, el, t, json, api, send } = Portal;
  let organization = null;
  let districts = null;

  async function loadDataCenters(org) {
    if (org !== undefined) organization = org;
    if (!districts) districts = await json('/api/v1/districts');
    const chosen = $('reg-district').value;
    $('reg-district').replaceChildren(...districts.map((d) => el('option', { value: d.code },
      d.code + ' ' + (Portal.state.lang === 'zh' ? d.nameZh : d.nameEn))));
    if (chosen) $('reg-district').value = chosen;
    const now = new Date();
    const month = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
    const to = month(now);
    // the months owed and not reported, as the regulator's reporting gaps count them: the last 12 that have ended
    const due = month(new Date(now.getFullYear(), now.getMonth() - 1, 1));
    const [page, gaps] = await Promise.all([json('/api/v1/data-centers?size=500'),
      json('/api/v1/reporting-gaps?months=12&size=500&to=' + due).catch(() => null)]);
    const missingBy = new Map((gaps ? gaps.items : []).map((g) => [g.code, g.missing]));
    const rows = await Promise.all(page.items.map(async (dc) => {
      const trend = await json('/api/v1/data-centers/' + encodeURIComponent(dc.code) + '/pue?from=2015-01&to=' + to)
        .catch(() => null);
      const monthly = trend && trend.monthly ? trend.monthly : [];
      const last = monthly.length ? monthly[monthly.length - 1].period : t('none');
      const trailing = trend && trend.trailing12 && trend.trailing12.pue != null
        ? Number(trend.trailing12.pue).toFixed(3) : t('none');
      const missing = missingBy.get(dc.code) || [];
      const missingText = missing.length === 0 ? '0' : missing.length + ' (' + (missing.length <= 3
        ? missing.join(', ') : missing[0] + ' … ' + missing[missing.length - 1]) + ')';
      const standing = await json('/api/v1/data-centers/' + encodeURIComponent(dc.code) + '/closure-status')
        .catch(() => null);
      return el('tr', { 'data-code': dc.code }, el('td', {}, dc.code), el('td', {}, dc.name),
        el('td', {}, String(dc.racks)), el('td', { class: 'last-month' }, last), el('td', { class: 'missing' }, gaps ? missingText : t('none')),
        el('td', {}, trailing), el('td', {}, trend && trend.grade ? t(trend.grade) : t('none')),
        el('td', { class: 'closure' }, standing ? t(standing.status) : t('none')),
        el('td', {}, standing && standing.pueToLeave != null
          ? t('atMost', { p: Number(standing.pueToLeave).toFixed(3) }) : t('none')));
    }));
    document.querySelector('#data-centers tbody').replaceChildren(...rows);
    const options = () => page.items.map((dc) => el('option', { value: dc.code }, dc.code + ' ' + dc.name));
    $('month-dc').replaceChildren(...options());
    $('rev-dc').replaceChildren(...options());
  }

  function reportsPath(code, period) {
    return '/api/v1/data-centers/' + encodeURIComponent(code) + '/energy-reports' + (period ? '/' + period : '');
  }

  /** Every revision of the chosen month, oldest first; the correction form starts from the latest. */
  async function showRevisions() {
    const code = $('rev-dc').value;
    const period = $('rev-period').value;
    const answer = await api(reportsPath(code, period) + '/revisions', { headers: { Accept: 'application/json' } });
    const revisions = answer.ok ? await answer.json() : [];
    if (!revisions.length) {
      $('correct-form').hidden = true;
      $('revisions-result').replaceChildren(el('p', { class: 'message', role: 'status' },
        answer.ok || answer.status === 404 ? t('noReport') : t('loadFailed') + answer.status));
      return;
    }
    const cell = (v) => el('td', {}, v == null ? t('none') : String(v));
    $('revisions-result').replaceChildren(el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'revisions-title' },
      el('table', { id: 'revisions', class: 'data' },
      el('caption', { class: 'visually-hidden' }, t('revisionsTitle') + ' ' + code + ' ' + period),
      el('thead', {}, el('tr', {}, ['revision', 'facilityKwh', 'itKwh', 'pue', 'submittedAt', 'submittedBy', 'note']
        .map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, revisions.map((r) => el('tr', { 'data-revision': String(r.revision) }, cell(r.revision),
        cell(r.facilityKwh), cell(r.itKwh), cell(r.pue), cell(r.submittedAt), cell(r.submittedBy), cell(r.note)))))));
    const latest = revisions[revisions.length - 1];
    $('correct-facility').value = latest.facilityKwh;
    $('correct-it').value = latest.itKwh;
    $('correct-note').value = '';
    $('correct-form').hidden = false;
  }

  $('revisions-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('correct-result').replaceChildren();
    showRevisions();
  });

  $('correct-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = $('rev-dc').value;
    const period = $('rev-period').value;
    const stored = await send(reportsPath(code, period), 'PUT', { period, facilityKwh: Number($('correct-facility').value),
      itKwh: Number($('correct-it').value), note: $('correct-note').value.trim() }, $('correct-result'));
    if (stored) {
      await showRevisions();
      loadDataCenters();
    }
  });

  $('register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const designPue = $('reg-design-pue').value;
    const stored = await send('/api/v1/data-centers', 'POST', {
      code: $('reg-code').value.trim(), name: $('reg-name').value.trim(), operatorCode: organization,
      district: $('reg-district').value, address: $('reg-address').value.trim() || null,
      racks: Number($('reg-racks').value), commissionedOn: $('reg-commissioned').value,
      designPue: designPue ? Number(designPue) : null
    }, $('register-result'));
    if (stored) {
      $('register-form').reset();
      loadDataCenters();
    }
  });

  $('month-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = $('month-dc').value;
    send(reportsPath(code), 'POST', { period: $('month-period').value, facilityKwh: Number($('month-facility').value),
      itKwh: Number($('month-it').value) }, $('month-result'), () => loadDataCenters());
  });

  Portal.uploads('energy-reports', () => loadDataCenters());

  Portal.start(OPERATOR_TEXTS, 'operator', loadDataCenters);
})();
