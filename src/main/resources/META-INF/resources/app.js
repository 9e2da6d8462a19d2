/* dceff regulator dashboard: plain JavaScript on top of the public API (/api/v1), charts by ECharts. */
'use strict';

const I18N = {
  zh: {
    title: '数据中心能效监管', idpSignIn: '统一身份认证登录', signIn: '登录', signOut: '退出', signInTitle: '登录',
    tokenLabel: '粘贴令牌（JWT）', devToken: '开发令牌（监管）', year: '年份', asOf: '评估日期',
    targets: '规划目标', candidates: '关停并转候选', downloadCsv: '下载 CSV', pueTrend: 'PUE 月度趋势',
    dataCenter: '数据中心', sharing: '新建基站共享率', districts: '各区概况',
    filterPlaceholder: '按编号、名称或运营商筛选', allStatuses: '全部状态', allDistricts: '全部区',
    CANDIDATE: '候选', NO_DATA: '无数据', MET: '已达成', ON_TRACK: '按计划', BEHIND: '落后', NONE: '暂无数据',
    MISSED: '未达成', NO_BASELINE: '无基线', measuredAt: '截至 {date} 的数据', trend: '{id} 各年度走势',
    code: '编号', name: '名称', district: '区', operator: '运营商', status: '状态', pue: 'PUE',
    racks: '机架数', age: '运行年限', months: '数据月数', savingKwh: '年节电（kWh）', savingTco2: '年减排（tCO₂）',
    dataCenters: '数据中心', reporting: '报送', facilityMwh: '总耗电（MWh）', itMwh: 'IT 耗电（MWh）',
    total: '合计', actual: '实际', target: '目标', deadline: '截止', progress: '进度',
    monthlyPue: '月度 PUE', trailingPue: '滚动 12 个月 PUE', closureLine: '关停线', grade: '等级',
    sharingRate: '共享率', overall: '全市', shown: '显示 {n} / {total} 个', noToken: '请先粘贴令牌。',
    badToken: '令牌无效或已过期。', notRegulator: '此页面需要监管（regulator）角色的令牌。',
    loadFailed: '加载失败：', gradeValue: '等级：{g}；滚动 12 个月 PUE {p}（{m} 个月，截至 {end}）',
    GRADE_1: '一级', GRADE_2: '二级', GRADE_3: '三级', EXCEEDS_LIMIT: '超出限值', NOT_APPLICABLE: '不适用',
    ruleText: '规则：PUE > {pue}，机架 ≤ {racks}，运行 ≥ {years} 年（评估窗口 {first} 至 {last}）',
    WASTE_HEAT_REUSE_DCS: '余热利用数据中心', ZERO_CARBON_DCS: '零碳数据中心',
    NEW_BASE_STATION_SHARING: '新建基站共享率', ANNUAL_ENERGY_SAVING: '年度节能率', CLOSURE_PROGRESS: '关停并转进度',
    unitDcs: '个', noData: '—'
  },
  en: {
    title: 'Data-center efficiency oversight', idpSignIn: 'Sign in with your organization account', signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in',
    tokenLabel: 'Paste a token (JWT)', devToken: 'Development token (regulator)', year: 'Year', asOf: 'Assessed as of',
    targets: 'Plan targets', candidates: 'Closure candidates', downloadCsv: 'Download CSV', pueTrend: 'Monthly PUE',
    dataCenter: 'Data center', sharing: 'Sharing of new base stations', districts: 'Districts',
    filterPlaceholder: 'Filter by code, name or operator', allStatuses: 'All statuses', allDistricts: 'All districts',
    CANDIDATE: 'Candidate', NO_DATA: 'No data', MET: 'Met', ON_TRACK: 'On track', BEHIND: 'Behind', NONE: 'No data yet',
    MISSED: 'Missed', NO_BASELINE: 'No baseline', measuredAt: 'Figures as of {date}',
    trend: '{id} by year',
    code: 'Code', name: 'Name', district: 'District', operator: 'Operator', status: 'Status', pue: 'PUE',
    racks: 'Racks', age: 'Years', months: 'Months of data', savingKwh: 'Saving (kWh/yr)', savingTco2: 'tCO₂/yr',
    dataCenters: 'Data centers', reporting: 'Reporting', facilityMwh: 'Facility (MWh)', itMwh: 'IT (MWh)',
    total: 'Total', actual: 'Actual', target: 'Target', deadline: 'Deadline', progress: 'Progress',
    monthlyPue: 'Monthly PUE', trailingPue: 'Trailing-12-month PUE', closureLine: 'Closure line', grade: 'Grade',
    sharingRate: 'Sharing rate', overall: 'Citywide', shown: '{n} of {total} shown', noToken: 'Paste a token first.',
    badToken: 'The token is invalid or has expired.', notRegulator: 'This page needs a token with the regulator role.',
    loadFailed: 'Could not load: ', gradeValue: 'Grade: {g}; trailing-12-month PUE {p} ({m} months to {end})',
    GRADE_1: 'Grade 1', GRADE_2: 'Grade 2', GRADE_3: 'Grade 3', EXCEEDS_LIMIT: 'Exceeds the limit',
    NOT_APPLICABLE: 'Not applicable',
    ruleText: 'Rule: PUE > {pue}, racks ≤ {racks}, ≥ {years} years in operation (window {first} to {last})',
    WASTE_HEAT_REUSE_DCS: 'Data centers reusing waste heat', ZERO_CARBON_DCS: 'Zero-carbon data centers',
    NEW_BASE_STATION_SHARING: 'Sharing of new base stations', ANNUAL_ENERGY_SAVING: 'Yearly energy saving',
    CLOSURE_PROGRESS: 'Closure of small, old, inefficient sites', unitDcs: 'sites', noData: '—'
  }
};

const state = {
  lang: localStorage.getItem('dceff.lang') || 'zh',
  token: sessionStorage.getItem('dceff.token') || '',
  districts: [], targets: null, targetYears: null, closure: null, pue: null, sharing: null, summary: null,
  sort: { key: 'saving', dir: -1 }, charts: {}
};
const $ = (id) => document.getElementById(id);


/* Strings of the overview, the candidate tabs, the site panel and the reporting gaps. */
const I18N_MORE = {
  zh: {
    print: '打印', district: '区', findSite: '查找数据中心', findSitePlaceholder: '编号或名称', open: '打开',
    atAGlance: '概览', hCandidates: '关停并转候选', hNoData: '无数据站点', hConsolidating: '决定执行中',
    hClosed: '已关停', hKwh: '年节电（kWh）', hTce: '年节约标煤（tce）', hTco2: '年减排（tCO₂）',
    scopeAll: '全市 · 评估日期 {date} · 点击数字筛选下表', scopeDistrict: '{district} · 评估日期 {date} · 点击数字筛选下表',
    districtsCaption: '各区候选、节能量与 PUE', downloadXlsx: '下载 Excel', tabCandidates: '候选',
    tabWatch: '观察名单', tabConsolidating: '决定执行中', tabClosed: '已关停', filterLabel: '筛选',
    scrollHint: '', gaps: '缺报情况', gapsCaption: '各站点各月缺报情况', close: '关闭',
    ruleExplained: '规则与本站数据', consolidation: '合并去向', decisions: '处置决定', action: '决定',
    receivingSite: '接收站点', decidedOn: '决定日期', dueOn: '完成期限', completedOn: '完成日期', note: '说明',
    recordDecision: '记录决定', statusHistory: '状态变更', revisions: '更正与数据质量',
    WATCH: '观察', CONSOLIDATING: '执行中', CLOSED: '已关停', OPERATING: '运行中', PLANNED: '规划中',
    CLOSE: '关停', MERGE: '合并', CONVERT: '改造', RETIRE: '退役',
    savingMwh: '年节电（MWh）', candidatesShort: '候选', noDataShort: '无数据', sites: '站点', reportingSites: '报送',
    yearPue: '{year} 年 PUE', commissioned: '投运日期', address: '地址', designPue: '设计 PUE', racksInUse: '在用机架',
    loading: '正在加载…', stale: '数据已过期，正在更新…',
    eUnauthorized: '登录已过期，请重新登录。', eForbidden: '没有权限查看此内容。', eNotFound: '未找到：{what}',
    eUnavailable: '服务暂时不可用，请稍后重试。', eNetwork: '无法连接服务，请检查网络。', eInvalid: '输入有误：{detail}',
    eConflict: '与已有数据冲突：{detail}', eOther: '加载失败（{status}）。',
    emptyCandidates: '没有符合筛选条件的站点。', emptyNoCandidates: '{date} 没有关停并转候选。',
    emptyWatch: '观察名单为空。', emptyConsolidating: '没有执行中的决定。', emptyClosed: '尚无已关停的站点。',
    noReports: '{code} 在 {from} 至 {to} 没有任何报送。', missingMonths: '缺报 {n} 个月：{list}',
    missingBand: '缺报', noMissing: '{from} 至 {to} 每月均已报送。',
    gapsRange: '{from} 至 {to}', gapsSummary: '{n} 个站点缺报，共缺 {m} 个月（应报站点中）。',
    gapsNone: '{from} 至 {to} 所有站点均已按月报送。', gapsMore: '仅显示前 {n} 个站点，共 {total} 个。',
    remindersSent: '{period} 已提醒 {n} 个站点：{list}', remindersNone: '{period} 尚未发送提醒（截止日后由定时任务发送）。',
    missingCell: '缺报', reportedCell: '已报', remindedCell: '已提醒', notOwed: '未投运',
    ruleWindow: '评估窗口 {first} 至 {last}，报送 {months} 个月。',
    rulePue: '能耗加权 PUE = Σ 总耗电 {facility} kWh ÷ Σ IT 耗电 {it} kWh = {pue}，阈值 > {threshold}',
    ruleRacks: '机架 {racks}，阈值 ≤ {threshold}', ruleAge: '投运 {since}，至评估日运行 {years} 年，阈值 ≥ {threshold}',
    ruleSaving: '年节电 = IT 耗电 {it} kWh × 12 ÷ {months} 个月 × (本站 PUE {pue} − 接收 PUE {rpue}) = {kwh} kWh；' +
      '折合 {tce} tce（{coal} kgce/kWh）、{tco2} tCO₂（{grid} kgCO₂/kWh）',
    ruleOutcome: '结论：{status}', NONE_STATUS: '不符合关停并转条件', notOperating: '本站当前状态为 {status}，不参与评估。',
    noPueData: '评估窗口内无报送', met: '满足', notMet: '不满足',
    noConsolidation: '没有满足条件的接收站点（PUE ≤ {pue} 且空余机架足够）。', onlyCandidates: '仅关停并转候选有合并去向。',
    spareRacks: '空余机架', sameDistrict: '同区', yes: '是', no: '否', saving: '年节电（kWh）',
    noDecisions: '尚无处置决定。', recordedBy: '记录人', statusAfter: '决定后状态', fromStatus: '原状态',
    toStatus: '新状态', effectiveOn: '生效日期', changedBy: '操作人', noHistory: '无状态变更记录。',
    period: '月份', revision: '版本', flags: '质量标记', noRevisions: '近 36 个月无更正、无质量标记。',
    decisionSaved: '已记录：{action}', pueSummary: '{code} 月度 PUE {from} 至 {to}：{n} 个月有数据，最低 {min}，最高 {max}；{missing}',
    districtSummary: '候选最多的区：{list}', sharingSummaryText: '全市新建基站共享率 {rate}；最高 {best}，最低 {worst}。',
    pueCol: 'PUE', scrollTable: '左右滑动查看更多列', sortAsc: '升序', sortDesc: '降序', openSite: '打开 {code}',
    siteNotFound: '没有编号为 {code} 的数据中心。', HIGH_PUE: 'PUE 偏高', LOW_PUE: 'PUE 偏低', PUE_JUMP: 'PUE 突变',
    exportDisabled: '此列表不可导出。'
  },
  en: {
    print: 'Print', district: 'District', findSite: 'Find a data center', findSitePlaceholder: 'Code or name',
    open: 'Open', atAGlance: 'At a glance', hCandidates: 'Closure candidates', hNoData: 'Sites without data',
    hConsolidating: 'Under decision', hClosed: 'Closed so far', hKwh: 'Saving (kWh/yr)', hTce: 'Saving (tce/yr)',
    hTco2: 'Saving (tCO₂/yr)', scopeAll: 'Citywide · as of {date} · click a figure to filter the table',
    scopeDistrict: '{district} · as of {date} · click a figure to filter the table',
    districtsCaption: 'Candidates, savings and PUE by district', downloadXlsx: 'Download Excel',
    tabCandidates: 'Candidates', tabWatch: 'Watch list', tabConsolidating: 'Under decision', tabClosed: 'Closed',
    filterLabel: 'Filter', scrollHint: '', gaps: 'Reporting gaps', gapsCaption: 'Missing reports by site and month',
    close: 'Close', ruleExplained: 'The rule with this site\'s numbers', consolidation: 'Where the load could go',
    decisions: 'Decisions', action: 'Action', receivingSite: 'Receiving site', decidedOn: 'Decided on',
    dueOn: 'Due on', completedOn: 'Completed on', note: 'Note', recordDecision: 'Record decision',
    statusHistory: 'Status history', revisions: 'Corrections and data quality',
    WATCH: 'Watch', CONSOLIDATING: 'Consolidating', CLOSED: 'Closed', OPERATING: 'Operating', PLANNED: 'Planned',
    CLOSE: 'Close', MERGE: 'Merge', CONVERT: 'Convert', RETIRE: 'Retire',
    savingMwh: 'Saving (MWh/yr)', candidatesShort: 'Candidates', noDataShort: 'No data', sites: 'Sites',
    reportingSites: 'Reporting', yearPue: 'PUE {year}', commissioned: 'Commissioned', address: 'Address',
    designPue: 'Design PUE', racksInUse: 'Racks in use', loading: 'Loading…', stale: 'Out of date, updating…',
    eUnauthorized: 'Your sign-in has expired. Please sign in again.', eForbidden: 'You may not see this.',
    eNotFound: 'Not found: {what}', eUnavailable: 'The service is unavailable for a moment. Try again shortly.',
    eNetwork: 'The service cannot be reached. Check the connection.', eInvalid: 'Invalid input: {detail}',
    eConflict: 'Conflicts with what is stored: {detail}', eOther: 'Could not load ({status}).',
    emptyCandidates: 'No site matches these filters.', emptyNoCandidates: 'No closure candidate at {date}.',
    emptyWatch: 'The watch list is empty.', emptyConsolidating: 'No decision is being carried out.',
    emptyClosed: 'No site has been closed yet.', noReports: '{code} has no report from {from} to {to}.',
    missingMonths: '{n} months missing: {list}', missingBand: 'missing', noMissing: 'Every month from {from} to {to} is reported.',
    gapsRange: '{from} to {to}', gapsSummary: '{n} sites owe reports, {m} months missing in all.',
    gapsNone: 'Every site reported every month from {from} to {to}.', gapsMore: 'The first {n} of {total} sites.',
    remindersSent: '{period}: {n} sites reminded: {list}', remindersNone: '{period}: no reminders sent yet (the scheduled job sends them after the due day).',
    missingCell: 'missing', reportedCell: 'reported', remindedCell: 'reminded', notOwed: 'not yet in operation',
    ruleWindow: 'Window {first} to {last}: {months} months reported.',
    rulePue: 'Energy-weighted PUE = Σ facility {facility} kWh ÷ Σ IT {it} kWh = {pue}; threshold > {threshold}',
    ruleRacks: 'Racks {racks}; threshold ≤ {threshold}',
    ruleAge: 'Commissioned {since}: {years} full years at the assessment date; threshold ≥ {threshold}',
    ruleSaving: 'Saving = IT {it} kWh × 12 ÷ {months} months × (site PUE {pue} − receiving PUE {rpue}) = {kwh} kWh/yr; ' +
      '{tce} tce ({coal} kgce/kWh), {tco2} tCO₂ ({grid} kgCO₂/kWh)',
    ruleOutcome: 'Outcome: {status}', NONE_STATUS: 'not a closure candidate',
    notOperating: 'This site is {status}: the rule applies to operating sites only.', noPueData: 'no report in the window',
    met: 'met', notMet: 'not met',
    noConsolidation: 'No receiving site qualifies (PUE ≤ {pue} and enough spare racks).',
    onlyCandidates: 'Only closure candidates have receiving sites.', spareRacks: 'Spare racks',
    sameDistrict: 'Same district', yes: 'yes', no: 'no', saving: 'Saving (kWh/yr)', noDecisions: 'No decision recorded.',
    recordedBy: 'Recorded by', statusAfter: 'Status after', fromStatus: 'From', toStatus: 'To',
    effectiveOn: 'Effective on', changedBy: 'By', noHistory: 'No status change recorded.', period: 'Month',
    revision: 'Revision', flags: 'Quality flags', noRevisions: 'No corrections and no quality flags in the last 36 months.',
    decisionSaved: 'Recorded: {action}',
    pueSummary: '{code}, monthly PUE {from} to {to}: {n} months with data, lowest {min}, highest {max}; {missing}',
    districtSummary: 'Districts with most candidates: {list}',
    sharingSummaryText: 'Citywide sharing of new base stations {rate}; highest {best}, lowest {worst}.',
    pueCol: 'PUE', scrollTable: 'Swipe sideways for more columns', sortAsc: 'ascending', sortDesc: 'descending',
    openSite: 'Open {code}', siteNotFound: 'No data center has the code {code}.', HIGH_PUE: 'PUE high',
    LOW_PUE: 'PUE low', PUE_JUMP: 'PUE jump', exportDisabled: 'This list cannot be exported.'
  }
};
Object.keys(I18N_MORE).forEach((lang) => Object.assign(I18N[lang], I18N_MORE[lang]));

Object.assign(state, {
  tab: 'candidates', sites: [], watch: null, decided: { CONSOLIDATING: null, CLOSED: null }, gaps: null,
  reminders: null, seq: {}, site: null
});
function t(key, values) {
  let text = (I18N[state.lang][key] !== undefined) ? I18N[state.lang][key] : key;
  Object.entries(values || {}).forEach(([k, v]) => { text = text.replace('{' + k + '}', v); });
  return text;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : c)));
  return node;
}

function fmt(value, digits) {
  if (value === null || value === undefined) return t('noData');
  return Number(value).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB',
    { minimumFractionDigits: digits || 0, maximumFractionDigits: digits || 0 });
}
const pct = (share) => (share === null || share === undefined) ? t('noData') : fmt(share * 100, 1) + '%';

function districtName(code) {
  const d = state.districts.find((x) => x.code === code);
  return d ? (state.lang === 'zh' ? d.nameZh : d.nameEn) : code;
}

/** The font stack of the page, for the text ECharts draws on its canvas. */
const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Noto Sans SC", sans-serif';

/* ---------- HTTP ---------- */

class HttpError extends Error {
  constructor(status, detail, errors) { super(detail); this.status = status; this.errors = errors || []; }
}

/**
 * One call of the API with the signed-in token. A 401 anywhere means the token has expired: back to sign-in.
 * @param options method, body (JSON), accept, raw (answer the Response itself, for downloads)
 */
async function api(path, options) {
  const o = options || {};
  const headers = { Authorization: 'Bearer ' + state.token, Accept: o.accept || 'application/json' };
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method: o.method || 'GET', headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  } catch (e) { throw new HttpError(0, e.message); }
  if (!response.ok) {
    let detail = response.statusText;
    let errors = [];
    try { const p = await response.json(); detail = p.detail || detail; errors = p.errors || []; } catch (e) { /* not a problem */ }
    if (response.status === 401) expired();
    throw new HttpError(response.status, detail, errors);
  }
  return o.raw ? response : response.json();
}

/** An error in the page's language; the server's own words only where they name what was wrong. */
function errorText(e) {
  if (!(e instanceof HttpError) || e.status === 0) return t('eNetwork');
  if (e.status === 401) return t('eUnauthorized');
  if (e.status === 403) return t('eForbidden');
  if (e.status === 404) return t('eNotFound', { what: e.message });
  if (e.status === 400 || e.status === 422) {
    return t('eInvalid', { detail: e.errors.length ? e.errors.map((x) => x.field + ': ' + x.message).join('; ') : e.message });
  }
  if (e.status === 409) return t('eConflict', { detail: e.message });
  if (e.status >= 500) return t('eUnavailable');
  return t('eOther', { status: e.status });
}

function showMessage(id, text) { $(id).textContent = text || ''; }

/* ---------- sign-in ---------- */

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) { return null; }
}

async function signIn(token) {
  state.token = (token || '').trim();
  if (!state.token) { showMessage('sign-in-message', t('noToken')); return; }
  const c = claims(state.token);
  if (!c) { showMessage('sign-in-message', t('badToken')); state.token = ''; return; }
  if (!(c.groups || []).some((g) => g === 'regulator' || g === 'admin')) {
    showMessage('sign-in-message', t('notRegulator'));
    state.token = '';
    return;
  }
  try {
    state.districts = await api('/api/v1/districts');
  } catch (e) {
    showMessage('sign-in-message', e.status === 401 ? t('badToken') : errorText(e));
    state.token = '';
    return;
  }
  sessionStorage.setItem('dceff.token', state.token);
  showMessage('sign-in-message', '');
  $('who').textContent = c ? (c.sub || '') + ' · ' + (c.groups || []).join(',') : '';
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  $('print').hidden = false;
  initCharts();
  fillSelects();
  loadAll();
  loadSites();
}

function signOut() {
  IdentityProvider.forget();
  sessionStorage.removeItem('dceff.token');
  state.token = '';
  Object.values(state.charts).forEach((chart) => chart.dispose());
  state.charts = {};
  Object.assign(state, { targets: null, closure: null, watch: null, pue: null, sharing: null, summary: null,
    decided: { CONSOLIDATING: null, CLOSED: null }, gaps: null, reminders: null, sites: [], seq: {} });
  if ($('site-panel').open) $('site-panel').close();
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('print').hidden = true;
  $('sign-in').hidden = false;
  $('who').textContent = '';
}

/** The token was refused mid-session: nothing stays on screen, and the sign-in says why. */
function expired() {
  if (!state.token) return;
  signOut();
  showMessage('sign-in-message', t('eUnauthorized'));
  $('token').value = '';
  $('token').focus();
}

async function offerDevToken() {
  try {
    const answer = await (await fetch('/dev/token/available')).json();
    $('dev-token').hidden = !answer.available;
  } catch (e) { $('dev-token').hidden = true; }
}

async function useDevToken() {
  try {
    const answer = await (await fetch('/dev/token?role=regulator')).json();
    $('token').value = answer.token;
    signIn(answer.token);
  } catch (e) { showMessage('sign-in-message', t('eNetwork')); }
}

/* ---------- loading ---------- */

function fillSelects() {
  const year = $('year');
  if (!year.options.length) {
    for (let y = 2022; y <= new Date().getFullYear(); y++) year.append(el('option', { value: y }, String(y)));
    year.value = '2025';
  }
  const district = $('district-filter');
  const chosen = district.value;
  district.replaceChildren(el('option', { value: '' }, t('allDistricts')),
    ...state.districts.map((d) => el('option', { value: d.code }, districtName(d.code))));
  district.value = chosen;
  const status = $('status-filter');
  const chosenStatus = status.value;
  status.replaceChildren(el('option', { value: '' }, t('allStatuses')),
    ...['CANDIDATE', 'NO_DATA'].map((s) => el('option', { value: s }, t(s))));
  status.value = chosenStatus;
}

/** The card a part of the page is shown in, and where its message goes. */
const PARTS = {
  targets: () => $('targets').closest('.card'), targetYears: () => $('targets').closest('.card'), sharing: () => $('sharing-card'), summary: () => $('district-view'),
  closure: () => $('table-card'), watch: () => $('table-card'), decided: () => $('headline'), gaps: () => $('gaps-card')
};

function partMessage(card) { return card.querySelector('.card-message') || $('message'); }

/**
 * Loads one part of the page. Its figures are marked stale at once; then the answer is shown, or on failure the
 * old figures are cleared and a message in the page's language says why. An answer to an older request (the
 * year or date changed meanwhile) is dropped.
 */
function load(part, promise, show) {
  const seq = (state.seq[part] || 0) + 1;
  state.seq[part] = seq;
  const card = PARTS[part]();
  card.classList.add('stale');
  card.dataset.stale = t('stale');
  card.setAttribute('aria-busy', 'true');
  const done = () => { card.classList.remove('stale'); card.removeAttribute('aria-busy'); };
  return promise.then((answer) => {
    if (state.seq[part] !== seq || !state.token) return;
    done();
    partMessage(card).textContent = '';
    show(answer);
  }).catch((e) => {
    if (state.seq[part] !== seq || !state.token) return;
    done();
    show(null);
    partMessage(card).textContent = errorText(e);
  });
}

function loadAll() {
  showMessage('message', '');
  const year = $('year').value;
  load('targets', api('/api/v1/targets?year=' + year), (a) => {
    state.targets = a;
    if (!a) { $('targets').replaceChildren(); $('targets-as-of').textContent = ''; }
    renderTargets(); renderSharing();
  });
  load('targetYears', api('/api/v1/targets/years'), (a) => { state.targetYears = a; renderTargets(); });
  load('sharing', api('/api/v1/base-stations/sharing?groupBy=district&year=' + year),
    (a) => { state.sharing = a; renderSharing(); });
  load('summary', api('/api/v1/districts/summary?year=' + year), (a) => { state.summary = a; renderDistricts(); });
  loadCandidates();
}

/** Everything that depends on the assessment date or the district. */
function loadCandidates() {
  const asOf = $('as-of').value;
  load('closure', allPages('/api/v1/closure-candidates?asOf=' + asOf), (a) => {
    state.closure = a;
    renderCandidates(); renderHeadline(); renderDistricts();
    // an open site's rule and closure line read their thresholds from this answer
    if (typeof renderSite === 'function' && $('site-panel').open) renderSite();
  });
  loadGaps();
  if (state.tab === 'watch') loadWatch();
  else state.watch = null;
  loadDecided();
}

/** Every page of a list (500 items a page), as one answer. */
async function allPages(path) {
  const first = await api(path + '&size=500&page=0');
  const pages = [];
  for (let page = 1; page * 500 < first.total; page++) pages.push(api(path + '&size=500&page=' + page));
  (await Promise.all(pages)).forEach((a) => { first.items = first.items.concat(a.items); });
  return first;
}

function loadWatch() {
  load('watch', allPages('/api/v1/closure-candidates/watch-list?asOf=' + $('as-of').value), (a) => {
    state.watch = a;
    renderCandidates();
  });
}

/** Sites under decision (CONSOLIDATING) and closed, in the chosen district. */
function loadDecided() {
  const district = $('district-filter').value;
  const query = (status) => api('/api/v1/data-centers?size=500&status=' + status + (district ? '&district=' + district : ''));
  load('decided', Promise.all([query('CONSOLIDATING'), query('CLOSED')]), (a) => {
    state.decided = a ? { CONSOLIDATING: a[0], CLOSED: a[1] } : { CONSOLIDATING: null, CLOSED: null };
    renderHeadline(); renderCandidates();
  });
}

/** Every data center's code and name for the search box and the panel (the first 2,000; any code can be typed). */
async function loadSites() {
  try {
    let page = 0; let all = [];
    for (;;) {
      const a = await api('/api/v1/data-centers?size=500&page=' + page);
      all = all.concat(a.items);
      if (all.length >= a.total || a.items.length === 0 || all.length >= 2000) break;
      page++;
    }
    state.sites = all;
    $('dc-codes').replaceChildren(...all.map((d) => el('option', { value: d.code }, d.name)));
  } catch (e) { if (state.token) showMessage('message', errorText(e)); }
}

function siteName(code) {
  const s = state.sites.find((x) => x.code === code);
  return s ? s.name : '';
}

function siteOperator(code) {
  const s = state.sites.find((x) => x.code === code);
  return s ? s.operatorCode : '';
}

/** The export of what the table shows: the same date, district, status, text and sort; null for other tabs. */
function exportUrl(format) {
  const view = state.tab;
  if (view !== 'candidates' && view !== 'watch') return null;
  const district = $('district-filter').value;
  const status = view === 'watch' ? 'WATCH' : $('status-filter').value;
  const text = $('filter').value.trim();
  const params = new URLSearchParams({ format, asOf: $('as-of').value });
  if (district) params.set('district', district);
  if (status) params.set('status', status);
  if (text) params.set('q', text);
  params.set('sort', (state.sort.dir < 0 ? '-' : '') + state.sort.key);
  return '/api/v1/closure-candidates/export?' + params;
}

async function download(format) {
  const url = exportUrl(format);
  if (!url) { showMessage('message', t('exportDisabled')); return; }
  try {
    const response = await api(url, { raw: true,
      accept: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="([^"]+)"/.exec(disposition);
    const blob = URL.createObjectURL(await response.blob());
    const link = el('a', { href: blob, download: match ? match[1] : 'closure-candidates.' + format });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(blob), 1000);
  } catch (e) { if (state.token) showMessage('message', errorText(e)); }
}

/* ---------- targets ---------- */

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c)));
  return node;
}

/** A target's figure as shown: a share in percent, a count of sites. */
function targetValue(item, value) {
  if (value === null || value === undefined) return t('noData');
  return item.unit === 'share' ? pct(value) : fmt(value) + ' ' + t('unitDcs');
}

/** Small bars of a target's actual ÷ target in each year of the plan period, coloured by status; the chosen year outlined. */
function targetTrend(item) {
  const series = state.targetYears && state.targetYears.find((x) => x.id === item.id);
  if (!series || !series.years.length) return el('div', { class: 'trend' });
  const width = 150; const height = 40; const axis = 12; const gap = 6;
  const bar = (width - gap * (series.years.length - 1)) / series.years.length;
  const chosen = String(state.targets.year);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img',
    'aria-label': t('trend', { id: t(item.id) }) });
  series.years.forEach((y, i) => {
    const status = y.status || 'NONE';
    const share = y.actual === null || y.actual === undefined || !Number(series.target) ? 0
      : Math.max(0, Math.min(1, Number(y.actual) / Number(series.target)));
    const h = Math.max(2, share * (height - axis - 2));
    const x = i * (bar + gap);
    chart.append(svg('rect', { x, y: height - axis - h, width: bar, height: h, 'data-year': y.year,
      class: 'trend-bar ' + status.toLowerCase() + (String(y.year) === chosen ? ' chosen' : '') },
    svg('title', {}, y.year + ': ' + targetValue(series, y.actual) + ' · ' + t(status))));
    chart.append(svg('text', { x: x + bar / 2, y: height - 1, 'text-anchor': 'middle', class: 'trend-year' },
      String(y.year)));
  });
  return el('div', { class: 'trend' }, chart);
}

function renderTargets() {
  const box = $('targets');
  if (!state.targets) return;
  $('targets-as-of').textContent = t('measuredAt', { date: state.targets.measuredAt });
  box.replaceChildren(...state.targets.items.map((item) => {
    const status = item.status || 'NONE';
    const width = Math.max(0, Math.min(1, Number(item.progress || 0))) * 100;
    return el('div', { class: 'target ' + status.toLowerCase(), 'data-id': item.id, 'data-status': status,
      title: item.definition || '' },
      el('div', { class: 'target-head' }, el('span', { class: 'target-name' }, t(item.id)),
        el('span', { class: 'badge ' + status.toLowerCase() }, t(status))),
      el('div', { class: 'bar', role: 'progressbar', 'aria-valuenow': Math.round(width), 'aria-valuemin': 0,
        'aria-valuemax': 100, 'aria-label': t(item.id) + ' · ' + t('progress') }, el('div', { class: 'fill ' + status.toLowerCase(), style: 'width:' + width + '%' })),
      el('div', { class: 'target-figures' },
        t('actual') + ' ' + targetValue(item, item.actual) + ' · ' + t('target') + ' ' + targetValue(item, item.target)
        + ' · ' + t('progress') + ' ' + pct(item.progress) + ' · ' + t('deadline') + ' ' + item.deadline),
      targetTrend(item));
  }));
}

/* ---------- headline ---------- */

/** The closure answer's items in the chosen district. */
function scoped(items) {
  const district = $('district-filter').value;
  return (items || []).filter((i) => !district || i.dataCenter.district === district);
}

function renderHeadline() {
  const items = state.closure ? scoped(state.closure.items) : null;
  const candidates = items ? items.filter((i) => i.status === 'CANDIDATE') : null;
  const sum = (field) => candidates ? candidates.reduce((s, i) => s + Number(i[field] || 0), 0) : null;
  $('h-candidates').textContent = candidates ? fmt(candidates.length) : t('noData');
  $('h-no-data').textContent = items ? fmt(items.filter((i) => i.status === 'NO_DATA').length) : t('noData');
  $('h-kwh').textContent = fmt(sum('annualSavingKwh'));
  $('h-tce').textContent = fmt(sum('annualSavingTce'), 1);
  $('h-tco2').textContent = fmt(sum('annualSavingTco2'), 1);
  const decided = (status) => state.decided[status] ? fmt(state.decided[status].total) : t('noData');
  $('h-consolidating').textContent = decided('CONSOLIDATING');
  $('h-closed').textContent = decided('CLOSED');
  const district = $('district-filter').value;
  $('headline-scope').textContent = district
    ? t('scopeDistrict', { district: districtName(district), date: $('as-of').value })
    : t('scopeAll', { date: $('as-of').value });
}

/** A headline figure filters the table below it. */
function goTo(target) {
  if (target === 'CONSOLIDATING' || target === 'CLOSED') {
    showTab(target === 'CLOSED' ? 'closed' : 'consolidating');
  } else {
    $('status-filter').value = target === 'SAVING' ? 'CANDIDATE' : target;
    if (target === 'SAVING') state.sort = { key: 'saving', dir: -1 };
    showTab('candidates');
  }
  $('table-card').scrollIntoView({ block: 'start' });
  $('tab-' + state.tab).focus({ preventScroll: true });
}

/* ---------- sortable tables ---------- */

/** Header cells with a button each (reached and pressed by keyboard) and aria-sort on the sorted one. */
function sortableHead(table, columns, sort, onSort) {
  table.tHead.replaceChildren(el('tr', {}, columns.map((c) => {
    const active = sort.key === c.key;
    return el('th', { scope: 'col', 'data-key': c.key, class: 'sortable' + (active ? (sort.dir > 0 ? ' asc' : ' desc') : ''),
      'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
    el('button', { type: 'button', class: 'sort', onclick: () => onSort(c.key) }, c.heading ? c.heading() : t(c.label)));
  })));
}

/** Compares as the server's export does: numbers as numbers, text by UTF-16 code units, missing values last. */
function compareValues(x, y, dir) {
  if (x === y) return 0;
  if (x === null || x === undefined) return 1;
  if (y === null || y === undefined) return -1;
  const a = typeof x === 'string' && x !== '' && !isNaN(x) && typeof y === 'string' && !isNaN(y) ? Number(x) : x;
  const b = a === x ? y : Number(y);
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * dir;
  return (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0) * dir;
}

function nextSort(sort, key) { return { key, dir: sort.key === key ? -sort.dir : 1 }; }

/* ---------- the candidate table and its tabs ---------- */

const CANDIDATE_COLUMNS = [
  { key: 'code', label: 'code', value: (i) => i.dataCenter.code, code: (i) => i.dataCenter.code },
  { key: 'name', label: 'name', value: (i) => i.dataCenter.name },
  { key: 'district', label: 'district', value: (i) => i.dataCenter.district, show: (i) => districtName(i.dataCenter.district) },
  { key: 'operator', label: 'operator', value: (i) => i.dataCenter.operatorCode },
  { key: 'status', label: 'status', value: (i) => i.status, show: (i) => t(i.status) },
  { key: 'pue', label: 'pue', value: (i) => i.criteria.pue.value, criterion: 'pue', digits: 3 },
  { key: 'racks', label: 'racks', value: (i) => i.criteria.racks.value, criterion: 'racks' },
  { key: 'age', label: 'age', value: (i) => i.criteria.age.value, criterion: 'age' },
  { key: 'months', label: 'months', value: (i) => i.monthsOfData, numeric: true },
  { key: 'saving', label: 'savingKwh', value: (i) => i.annualSavingKwh, numeric: true, show: (i) => fmt(i.annualSavingKwh) },
  { key: 'tco2', label: 'savingTco2', value: (i) => i.annualSavingTco2, numeric: true, show: (i) => fmt(i.annualSavingTco2, 1) }
];

const SITE_COLUMNS = [
  { key: 'code', label: 'code', value: (d) => d.code, code: (d) => d.code },
  { key: 'name', label: 'name', value: (d) => d.name },
  { key: 'district', label: 'district', value: (d) => d.district, show: (d) => districtName(d.district) },
  { key: 'operator', label: 'operator', value: (d) => d.operatorCode },
  { key: 'status', label: 'status', value: (d) => d.status, show: (d) => t(d.status) },
  { key: 'racks', label: 'racks', value: (d) => d.racks, numeric: true },
  { key: 'commissioned', label: 'commissioned', value: (d) => d.commissionedOn }
];

/** A criterion's evidence: its value, the comparison with its threshold, and whether it is met. */
function evidence(c, digits) {
  if (!c) return t('noData');
  const value = c.value === null || c.value === undefined ? t('noData') : fmt(c.value, digits);
  const mark = c.met === true ? '✓' : c.met === false ? '✗' : '?';
  return el('span', { class: 'evidence ' + (c.met ? 'met' : 'unmet'),
    title: (c.met ? t('met') : t('notMet')) + ': ' + c.comparison + ' ' + c.threshold },
  value + ' ' + c.comparison.replace('<=', '≤').replace('>=', '≥') + ' ' + fmt(c.threshold, digits ? 1 : 0) + ' ' + mark);
}

/** The rows and columns of the tab shown, or null while they are not loaded. */
function tabSource() {
  if (state.tab === 'candidates') {
    if (!state.closure) return null;
    const status = $('status-filter').value;
    return { columns: CANDIDATE_COLUMNS, code: (i) => i.dataCenter.code,
      rows: scoped(state.closure.items).filter((i) => !status || i.status === status),
      text: (i) => [i.dataCenter.code, i.dataCenter.name, i.dataCenter.operatorCode],
      empty: state.closure.items.some((i) => i.status === 'CANDIDATE') ? t('emptyCandidates')
        : t('emptyNoCandidates', { date: $('as-of').value }) };
  }
  if (state.tab === 'watch') {
    if (!state.watch) return null;
    return { columns: CANDIDATE_COLUMNS, code: (i) => i.dataCenter.code, rows: scoped(state.watch.items),
      text: (i) => [i.dataCenter.code, i.dataCenter.name, i.dataCenter.operatorCode], empty: t('emptyWatch') };
  }
  const answer = state.decided[state.tab === 'closed' ? 'CLOSED' : 'CONSOLIDATING'];
  if (!answer) return null;
  return { columns: SITE_COLUMNS, code: (d) => d.code, rows: answer.items, text: (d) => [d.code, d.name, d.operatorCode],
    empty: t(state.tab === 'closed' ? 'emptyClosed' : 'emptyConsolidating') };
}

function renderCandidates() {
  const table = $('candidates');
  if (state.closure) {
    const th = state.closure.thresholds; const w = state.closure.window;
    $('rule').textContent = t('ruleText', { pue: th.pueAbove, racks: th.maxRacks, years: th.minYears,
      first: w.first, last: w.last });
  } else {
    $('rule').textContent = '';
  }
  $('candidates-caption').textContent = t('tab' + state.tab.charAt(0).toUpperCase() + state.tab.slice(1));
  document.querySelectorAll('[role=tab]').forEach((tab) => {
    const selected = tab.dataset.tab === state.tab;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  });
  $('status-filter-label').hidden = state.tab !== 'candidates';
  const exportable = state.tab === 'candidates' || state.tab === 'watch';
  $('csv').disabled = !exportable;
  $('xlsx').disabled = !exportable;
  const source = tabSource();
  if (!source) {
    table.tHead.replaceChildren();
    table.tBodies[0].replaceChildren();
    $('candidate-count').textContent = '';
    return;
  }
  if (!source.columns.some((c) => c.key === state.sort.key)) state.sort = { key: 'code', dir: 1 };
  sortableHead(table, source.columns, state.sort, (key) => { state.sort = nextSort(state.sort, key); renderCandidates(); });
  const text = $('filter').value.trim().toLowerCase();
  const column = source.columns.find((c) => c.key === state.sort.key);
  const rows = source.rows
    .filter((i) => !text || source.text(i).some((s) => String(s).toLowerCase().includes(text)))
    .slice().sort((a, b) => compareValues(column.value(a), column.value(b), state.sort.dir));
  if (!rows.length) {
    table.tBodies[0].replaceChildren(el('tr', { class: 'empty' },
      el('td', { colspan: source.columns.length }, source.rows.length ? t('emptyCandidates') : source.empty)));
  } else {
    table.tBodies[0].replaceChildren(...rows.map((i) => {
      const code = source.code(i);
      return el('tr', { class: i.status === 'NO_DATA' ? 'no-data' : '', 'data-code': code, onclick: () => openSite(code) },
        source.columns.map((c) => el('td', { class: c.criterion || c.numeric ? 'num' : '', 'data-label': t(c.label) },
          c.code ? el('button', { type: 'button', class: 'link', 'aria-label': t('openSite', { code }),
            onclick: (ev) => { ev.stopPropagation(); openSite(code); } }, code)
            : c.criterion ? evidence(i.criteria[c.criterion], c.digits) : c.show ? c.show(i) : c.value(i))));
    }));
  }
  $('candidate-count').textContent = t('shown', { n: rows.length, total: source.rows.length });
}

function showTab(tab) {
  state.tab = tab;
  if (tab === 'watch' && !state.watch) loadWatch();
  renderCandidates();
}

/** Arrow keys move between tabs (WAI-ARIA tabs pattern). */
function tabKeys(event) {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const i = tabs.indexOf(document.activeElement);
  if (i < 0 || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
  const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
  next.focus();
  showTab(next.dataset.tab);
}

/* ---------- charts ---------- */

function initCharts() {
  ['district', 'sharing'].forEach((name) => {
    if (state.charts[name]) return;
    state.charts[name] = echarts.init($(name + '-chart'));
    if (name === 'district') state.charts.district.on('click', (p) => { if (p.data && p.data.code) drillDown(p.data.code); });
  });
}

const narrow = () => window.matchMedia('(max-width: 600px)').matches;

function renderSharing() {
  const a = state.sharing;
  if (!state.charts.sharing) return;
  if (!a) { state.charts.sharing.clear(); $('sharing-summary').textContent = ''; return; }
  const target = state.targets && state.targets.items.find((i) => i.id === 'NEW_BASE_STATION_SHARING');
  const lines = [{ yAxis: a.overall.rate === null ? 0 : a.overall.rate * 100, name: t('overall') }];
  if (target && target.target !== null) lines.push({ yAxis: target.target * 100, name: t('target') });
  const rated = a.items.filter((i) => i.rate !== null).slice().sort((x, y) => y.rate - x.rate);
  const summary = t('sharingSummaryText', { rate: pct(a.overall.rate),
    best: rated.length ? districtName(rated[0].key) + ' ' + pct(rated[0].rate) : t('noData'),
    worst: rated.length ? districtName(rated[rated.length - 1].key) + ' ' + pct(rated[rated.length - 1].rate) : t('noData') });
  $('sharing-summary').textContent = summary;
  const phone = narrow();
  const names = a.items.map((i) => districtName(i.key));
  const values = a.items.map((i) => i.rate === null ? null : i.rate * 100);
  const category = { type: 'category', data: names, axisLabel: phone ? { interval: 0 } : { rotate: 45, interval: 0 } };
  const value = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
  const markLine = { symbol: 'none', silent: true, label: { position: 'end', formatter: '{b}' },
    data: lines.map((l) => phone ? { xAxis: l.yAxis, name: l.name } : l) };
  state.charts.sharing.setOption({
    animation: false, textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: t('sharing') + '. ' + summary } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : v.toFixed(1) + '%') },
    grid: phone ? { left: 64, right: 24, top: 20, bottom: 24 } : { left: 44, right: 64, top: 20, bottom: 80 },
    xAxis: phone ? value : category,
    yAxis: phone ? Object.assign({}, category, { inverse: true }) : value,
    series: [{ name: t('sharingRate'), type: 'bar', data: values, itemStyle: { color: '#2e7d32' }, markLine }]
  }, true);
}

/* ---------- districts ---------- */

const DISTRICT_COLUMNS = [
  { key: 'district', label: 'district', value: (x) => x.code, show: (x) => districtName(x.code) },
  { key: 'candidates', label: 'candidatesShort', value: (x) => x.candidates, numeric: true, show: (x) => fmt(x.candidates) },
  { key: 'noData', label: 'noDataShort', value: (x) => x.noData, numeric: true, show: (x) => fmt(x.noData) },
  { key: 'saving', label: 'savingMwh', value: (x) => x.savingKwh, numeric: true, show: (x) => fmt(x.savingKwh / 1000, 1) },
  { key: 'tco2', label: 'savingTco2', value: (x) => x.savingTco2, numeric: true, show: (x) => fmt(x.savingTco2, 1) },
  { key: 'sites', label: 'sites', value: (x) => x.sites, numeric: true, show: (x) => fmt(x.sites) },
  { key: 'reporting', label: 'reportingSites', value: (x) => x.reporting, numeric: true, show: (x) => fmt(x.reporting) },
  { key: 'pue', label: 'yearPue', heading: () => t('yearPue', { year: $('year').value }),
    value: (x) => x.pue === null ? null : Number(x.pue), numeric: true,
    show: (x) => x.pue === null ? t('noData') : fmt(x.pue, 3) }
];

/** Per district: candidates and savings at the assessment date, sites, reporting and PUE of the year. */
function districtRows() {
  const rows = state.districts.map((d) => ({ code: d.code, candidates: 0, noData: 0, savingKwh: 0, savingTco2: 0,
    sites: null, reporting: null, pue: null, facilityKwh: 0, itKwh: 0 }));
  const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
  (state.closure ? state.closure.items : []).forEach((i) => {
    const r = byCode[i.dataCenter.district];
    if (!r) return;
    if (i.status === 'CANDIDATE') {
      r.candidates++; r.savingKwh += Number(i.annualSavingKwh || 0); r.savingTco2 += Number(i.annualSavingTco2 || 0);
    } else if (i.status === 'NO_DATA') r.noData++;
  });
  (state.summary ? state.summary.items : []).forEach((s) => {
    const r = byCode[s.code];
    if (!r) return;
    Object.assign(r, { sites: s.dataCenters, reporting: s.reportingDataCenters, pue: s.pue,
      facilityKwh: Number(s.facilityKwh), itKwh: Number(s.itKwh) });
  });
  return rows;
}

function renderDistricts() {
  const table = $('districts');
  if (!state.closure && !state.summary) {
    table.tHead.replaceChildren(); table.tBodies[0].replaceChildren(); table.tFoot.replaceChildren();
    if (state.charts.district) state.charts.district.clear();
    return;
  }
  const sort = state.districtSort || { key: 'candidates', dir: -1 };
  const column = DISTRICT_COLUMNS.find((c) => c.key === sort.key);
  const rows = districtRows().sort((a, b) => compareValues(column.value(a), column.value(b), sort.dir)
    || compareValues(a.code, b.code, 1));
  sortableHead(table, DISTRICT_COLUMNS, sort, (key) => {
    state.districtSort = nextSort(sort, key); renderDistricts();
  });
  const chosen = $('district-filter').value;
  const cells = (x, name) => DISTRICT_COLUMNS.map((c, n) => el('td', { class: c.numeric ? 'num' : '',
    'data-label': c.heading ? c.heading() : t(c.label) }, n === 0 ? name : c.show(x)));
  table.tBodies[0].replaceChildren(...rows.map((x) => el('tr', { 'data-district': x.code,
    class: x.code === chosen ? 'chosen' : '', onclick: () => drillDown(x.code) },
  cells(x, el('button', { type: 'button', class: 'link', 'aria-pressed': String(x.code === chosen),
    onclick: (ev) => { ev.stopPropagation(); drillDown(x.code); } }, districtName(x.code))))));
  const total = rows.reduce((s, x) => ({ code: '', candidates: s.candidates + x.candidates, noData: s.noData + x.noData,
    savingKwh: s.savingKwh + x.savingKwh, savingTco2: s.savingTco2 + x.savingTco2, sites: s.sites + (x.sites || 0),
    reporting: s.reporting + (x.reporting || 0), facilityKwh: s.facilityKwh + x.facilityKwh, itKwh: s.itKwh + x.itKwh }),
  { candidates: 0, noData: 0, savingKwh: 0, savingTco2: 0, sites: 0, reporting: 0, facilityKwh: 0, itKwh: 0 });
  total.pue = total.itKwh > 0 ? total.facilityKwh / total.itKwh : null;
  table.tFoot.replaceChildren(el('tr', {}, cells(total, t('total'))));

  const ranked = rows.slice().sort((a, b) => b.candidates - a.candidates || b.savingKwh - a.savingKwh
    || compareValues(a.code, b.code, 1)).reverse();
  const top = ranked.slice().reverse().filter((x) => x.candidates > 0).slice(0, 3)
    .map((x) => districtName(x.code) + ' ' + x.candidates).join(', ');
  const summary = t('districtSummary', { list: top || t('noData') });
  $('district-chart-summary').textContent = summary;
  if (!state.charts.district) return;
  state.charts.district.setOption({
    animation: false, textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: t('districts') + '. ' + summary } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('candidatesShort'), t('noDataShort')] },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ranked.map((x) => districtName(x.code)),
      axisLabel: { interval: 0 }, triggerEvent: true },
    series: [
      { name: t('candidatesShort'), type: 'bar', stack: 'sites', itemStyle: { color: '#c62828' },
        data: ranked.map((x) => ({ value: x.candidates, code: x.code,
          itemStyle: { color: x.code === chosen ? '#8e0000' : '#c62828' } })) },
      { name: t('noDataShort'), type: 'bar', stack: 'sites', itemStyle: { color: '#90a4ae' },
        data: ranked.map((x) => ({ value: x.noData, code: x.code, itemStyle: { color: '#90a4ae' } })) }
    ]
  }, true);
}

/** A district chosen on the map of figures: the whole page narrows to it, the table first. */
function drillDown(code) {
  $('district-filter').value = $('district-filter').value === code ? '' : code;
  scopeChanged();
  $('table-card').scrollIntoView({ block: 'start' });
}

function scopeChanged() {
  renderHeadline(); renderCandidates(); renderDistricts();
  loadDecided();
  loadGaps();
}

/* ---------- language ---------- */

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  });
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
  $('lang').lang = state.lang === 'zh' ? 'en' : 'zh-CN';
  document.title = t('title') + ' · dceff';
  if (!$('dashboard').hidden) {
    fillSelects();
    renderTargets(); renderCandidates(); renderSharing(); renderDistricts(); renderHeadline();
    if (typeof renderGaps === 'function') renderGaps();
    if (typeof renderSite === 'function' && $('site-panel').open) renderSite();
  }
}

function switchLanguage() {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('dceff.lang', state.lang);
  applyLanguage();
}

/* ---------- wiring ---------- */

/** On paper the charts take the width of an A4 landscape page, then return to the screen's. */
function printLayout(printing) {
  Object.values(state.charts).forEach((chart) => chart.resize(printing ? { width: 1000 } : undefined));
}

function redrawCharts() {
  if ($('dashboard').hidden) return;
  renderSharing(); renderDistricts();
  if (typeof renderPue === 'function') renderPue();
}

function start() {
  $('lang').addEventListener('click', switchLanguage);
  $('sign-in-button').addEventListener('click', () => signIn($('token').value));
  $('dev-token').addEventListener('click', useDevToken);
  $('sign-out').addEventListener('click', async () => {
    sessionStorage.removeItem('dceff.token'); // not signed in again on the way back from the provider
    try {
      if (await IdentityProvider.signOut()) return; // the provider ends its session too, and comes back here
    } catch (e) { /* the provider is unreachable: this tab signs out all the same */ }
    signOut();
  });
  $('print').addEventListener('click', () => window.print());
  $('year').addEventListener('change', loadAll);
  $('as-of').addEventListener('change', loadCandidates);
  $('district-filter').addEventListener('change', scopeChanged);
  $('site-search-form').addEventListener('submit', (e) => { e.preventDefault(); findSite($('dc-code').value); });
  $('csv').addEventListener('click', () => download('csv'));
  $('xlsx').addEventListener('click', () => download('xlsx'));
  ['filter', 'status-filter'].forEach((id) => $(id).addEventListener('input', renderCandidates));
  document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', () => showTab(tab.dataset.tab)));
  document.querySelector('.tabs').addEventListener('keydown', tabKeys);
  document.querySelectorAll('#headline .figure').forEach((b) => b.addEventListener('click', () => goTo(b.dataset.go)));
  window.addEventListener('resize', () => {
    Object.values(state.charts).forEach((chart) => chart.resize());
    renderSharing();
  });
  // canvas text does not ask for web-font slices: draw the charts again once the page's Chinese glyphs arrive
  document.fonts.addEventListener('loadingdone', redrawCharts);
  window.addEventListener('beforeprint', () => printLayout(true));
  window.addEventListener('afterprint', () => printLayout(false));
  applyLanguage();
  offerDevToken();
  IdentityProvider.setUp($('idp-sign-in-button'), $('idp-sign-in'), {
    onToken: signIn,
    onRenewed: (token) => { state.token = token; sessionStorage.setItem('dceff.token', token); },
    onExpired: expired,
    onError: () => showMessage('sign-in-message', t('eUnauthorized'))
  }).then(() => { if (state.token && $('dashboard').hidden) signIn(state.token); });
}

document.addEventListener('DOMContentLoaded', start);
