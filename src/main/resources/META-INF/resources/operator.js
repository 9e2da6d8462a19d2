/* The operator's page: own data centers, a month in a form, many months as CSV or XLSX. */
'use strict';

const OPERATOR_TEXTS = {
  zh: {
    title: '数据中心能耗报送', idpSignIn: '统一身份认证登录', expired: '登录已过期，请重新登录。', signIn: '登录', signOut: '退出', signInTitle: '登录', tokenLabel: '粘贴令牌（JWT）',
    devOrg: '组织编码', devSignIn: '开发登录（运营商）', dataCenters: '我的数据中心', code: '编号', name: '名称',
    racks: '机架数', lastMonth: '最近报送月份', missing: '缺报月份', trailingPue: '滚动 12 个月 PUE', grade: '等级',
    submitMonth: '报送一个月', dataCenter: '数据中心', period: '月份', facilityKwh: '总耗电量 kWh',
    itKwh: 'IT 设备耗电量 kWh', submit: '提交', upload: '上传 CSV 或 XLSX',
    uploadHint: '全部或全不：任何一行有误，什么也不保存，并列出每一个错误行。', templateCsv: '下载 CSV 模板',
    templateXlsx: '下载 XLSX 模板', file: '文件', uploadButton: '上传', chooseFile: '请先选择文件。',
    stored: '已保存。', rejected: '未保存：', badRows: '错误行', row: '行', field: '字段', reason: '原因',
    badToken: '令牌无效或已过期。', wrongRole: '此页面需要运营商（operator）角色的令牌。', noToken: '请先粘贴令牌。',
    loadFailed: '加载失败：', none: '—', GRADE_1: '一级', GRADE_2: '二级', GRADE_3: '三级',
    EXCEEDS_LIMIT: '超出限值', NOT_APPLICABLE: '不适用', closure: '关停并转', pueToLeave: '需降至 PUE',
    CANDIDATE: '候选', NO_DATA: '无数据（须报送）', WATCH: '关注名单', NONE: '否', atMost: '≤ {p}'
  },
  en: {
    title: 'Data-center energy reporting', idpSignIn: 'Sign in with your organization account',
    expired: 'Your session has expired; sign in again.', signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in',
    tokenLabel: 'Paste a token (JWT)', devOrg: 'Organization code', devSignIn: 'Development sign-in (operator)',
    dataCenters: 'My data centers', code: 'Code', name: 'Name', racks: 'Racks', lastMonth: 'Last month reported',
    missing: 'Missing months', trailingPue: 'Trailing-12-month PUE', grade: 'Grade', submitMonth: 'Report a month',
    dataCenter: 'Data center', period: 'Month', facilityKwh: 'Facility energy kWh', itKwh: 'IT energy kWh',
    submit: 'Submit', upload: 'Upload CSV or XLSX',
    uploadHint: 'All or nothing: if any row is wrong nothing is stored, and every bad row is listed.',
    templateCsv: 'Download the CSV template', templateXlsx: 'Download the XLSX template', file: 'File',
    uploadButton: 'Upload', chooseFile: 'Choose a file first.', stored: 'Stored.', rejected: 'Nothing stored:',
    badRows: 'Rows with errors', row: 'Row', field: 'Field', reason: 'Reason',
    badToken: 'The token is invalid or has expired.', wrongRole: 'This page needs a token with the operator role.',
    noToken: 'Paste a token first.', loadFailed: 'Could not load: ', none: '—', GRADE_1: 'Grade 1',
    GRADE_2: 'Grade 2', GRADE_3: 'Grade 3', EXCEEDS_LIMIT: 'Exceeds the limit', NOT_APPLICABLE: 'Not applicable',
    closure: 'Closure rule', pueToLeave: 'PUE to reach', CANDIDATE: 'Candidate', NO_DATA: 'No data (report!)',
    WATCH: 'Watch list', NONE: 'No', atMost: '≤ {p}'
  }
};

(() => {
  const { $, el, t, json, api, upload, download } = Portal;

  async function loadDataCenters() {
    const page = await json('/api/v1/data-centers?size=500');
    const now = new Date();
    const to = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
    const rows = await Promise.all(page.items.map(async (dc) => {
      const trend = await json('/api/v1/data-centers/' + encodeURIComponent(dc.code) + '/pue?from=2015-01&to=' + to)
        .catch(() => null);
      const monthly = trend && trend.monthly ? trend.monthly : [];
      const last = monthly.length ? monthly[monthly.length - 1].period : t('none');
      const trailing = trend && trend.trailing12 && trend.trailing12.pue != null
        ? Number(trend.trailing12.pue).toFixed(3) : t('none');
      const missing = trend && trend.missingMonths ? trend.missingMonths.length : 0;
      const standing = await json('/api/v1/data-centers/' + encodeURIComponent(dc.code) + '/closure-status')
        .catch(() => null);
      return el('tr', { 'data-code': dc.code }, el('td', {}, dc.code), el('td', {}, dc.name),
        el('td', {}, String(dc.racks)), el('td', { class: 'last-month' }, last), el('td', {}, String(missing)),
        el('td', {}, trailing), el('td', {}, trend && trend.grade ? t(trend.grade) : t('none')),
        el('td', { class: 'closure' }, standing ? t(standing.status) : t('none')),
        el('td', {}, standing && standing.pueToLeave != null
          ? t('atMost', { p: Number(standing.pueToLeave).toFixed(3) }) : t('none')));
    }));
    document.querySelector('#data-centers tbody').replaceChildren(...rows);
    $('month-dc').replaceChildren(...page.items.map((dc) => el('option', { value: dc.code }, dc.code + ' ' + dc.name)));
  }

  $('month-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = $('month-dc').value;
    const answer = await api('/api/v1/data-centers/' + encodeURIComponent(code) + '/energy-reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ period: $('month-period').value, facilityKwh: Number($('month-facility').value),
        itKwh: Number($('month-it').value) })
    });
    const body = await answer.json().catch(() => ({}));
    $('month-result').replaceChildren(answer.ok ? el('p', { class: 'ok', role: 'status' }, t('stored'))
      : el('p', { class: 'message', role: 'alert' }, t('rejected') + ' ' + (body.detail || answer.status)));
    if (answer.ok) loadDataCenters();
  });

  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    upload('/api/v1/energy-reports/batch', $('upload-file').files[0], $('upload-result'), () => loadDataCenters());
  });
  $('template-csv').addEventListener('click', () => download('/api/v1/energy-reports/template', 'text/csv',
    'energy-reports-template.csv'));
  $('template-xlsx').addEventListener('click', () => download('/api/v1/energy-reports/template',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'energy-reports-template.xlsx'));

  Portal.start(OPERATOR_TEXTS, 'operator', loadDataCenters);
})();
