/* dceff regulator dashboard: plain JavaScript on top of the public API (/api/v1), charts by ECharts. */
'use strict';

const I18N = {
  zh: {
    title: '数据中心能效监管', signIn: '登录', signOut: '退出', signInTitle: '登录',
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
    title: 'Data-center efficiency oversight', signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in',
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

function t(key, values) {
  let text = (I18N[state.lang][key] !== undefined) ? I18N[state.lang][key] : key;
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

/* ---------- HTTP ---------- */

class HttpError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function api(path, accept) {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + state.token, Accept: accept || 'application/json' }
  });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not a problem document */ }
    throw new HttpError(response.status, detail);
  }
  return accept === 'text/csv' ? response.blob() : response.json();
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
    showMessage('sign-in-message', e.status === 401 ? t('badToken') : t('loadFailed') + e.message);
    state.token = '';
    return;
  }
  sessionStorage.setItem('dceff.token', state.token);
  showMessage('sign-in-message', '');
  $('who').textContent = c ? (c.sub || '') + ' · ' + (c.groups || []).join(',') : '';
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  initCharts();
  fillSelects();
  loadAll();
}

function signOut() {
  sessionStorage.removeItem('dceff.token');
  state.token = '';
  Object.values(state.charts).forEach((chart) => chart.dispose());
  state.charts = {};
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('who').textContent = '';
}

async function offerDevToken() {
  try {
    const answer = await (await fetch('/dev/token/available')).json();
    $('dev-token').hidden = !answer.available;
  } catch (e) { $('dev-token').hidden = true; }
}

async function useDevToken() {
  const answer = await (await fetch('/dev/token?role=regulator')).json();
  $('token').value = answer.token;
  signIn(answer.token);
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

/** Each part loads on its own, so one failure leaves the rest of the page working. */
function guarded(promise) {
  return promise.catch((e) => showMessage('message', t('loadFailed') + e.message));
}

function loadAll() {
  showMessage('message', '');
  const year = $('year').value;
  guarded(api('/api/v1/targets?year=' + year).then((a) => { state.targets = a; renderTargets(); renderSharing(); }));
  guarded(api('/api/v1/targets/years').then((a) => { state.targetYears = a; renderTargets(); }));
  guarded(api('/api/v1/base-stations/sharing?groupBy=district&year=' + year)
    .then((a) => { state.sharing = a; renderSharing(); }));
  guarded(api('/api/v1/districts/summary?year=' + year).then((a) => { state.summary = a; renderSummary(); }));
  loadCandidates();
}

function loadCandidates() {
  guarded(api('/api/v1/closure-candidates?size=500&asOf=' + $('as-of').value).then((a) => {
    state.closure = a;
    $('dc-codes').replaceChildren(...a.items.map((i) => el('option', { value: i.dataCenter.code }, i.dataCenter.name)));
    renderCandidates();
    const first = a.items.find((i) => i.status === 'CANDIDATE') || a.items[0];
    if (!$('dc-code').value && first) $('dc-code').value = first.dataCenter.code;
    loadPue();
  }));
}

/** The last full month on or before asOf, and the 36 months up to it. */
function pueRange() {
  const asOf = new Date($('as-of').value + 'T00:00:00Z');
  const next = new Date(asOf.getTime() + 86400000);
  const end = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - (next.getUTCDate() === 1 ? 0 : 1), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 35, 1));
  const ym = (d) => d.toISOString().slice(0, 7);
  return { from: ym(start), to: ym(end) };
}

function loadPue() {
  const code = $('dc-code').value.trim();
  if (!code) return;
  const range = pueRange();
  state.pueCode = code;   // answers may arrive out of order: show only the last one asked for
  guarded(api('/api/v1/data-centers/' + encodeURIComponent(code) + '/pue?from=' + range.from + '&to=' + range.to)
    .then((a) => { if (state.pueCode === code) { state.pue = a; renderPue(); } }));
}

async function downloadCsv() {
  const district = $('district-filter').value;
  const asOf = $('as-of').value;
  try {
    const blob = await api('/api/v1/closure-candidates?asOf=' + asOf + (district ? '&district=' + district : ''),
      'text/csv');
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: 'closure-candidates-' + asOf + (district ? '-' + district : '') + '.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (e) { showMessage('message', t('loadFailed') + e.message); }
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
        'aria-valuemax': 100 }, el('div', { class: 'fill ' + status.toLowerCase(), style: 'width:' + width + '%' })),
      el('div', { class: 'target-figures' },
        t('actual') + ' ' + targetValue(item, item.actual) + ' · ' + t('target') + ' ' + targetValue(item, item.target)
        + ' · ' + t('progress') + ' ' + pct(item.progress) + ' · ' + t('deadline') + ' ' + item.deadline),
      targetTrend(item));
  }));
}

/* ---------- closure candidates ---------- */

const CANDIDATE_COLUMNS = [
  { key: 'code', label: 'code', value: (i) => i.dataCenter.code },
  { key: 'name', label: 'name', value: (i) => i.dataCenter.name },
  { key: 'district', label: 'district', value: (i) => districtName(i.dataCenter.district) },
  { key: 'operator', label: 'operator', value: (i) => i.dataCenter.operatorCode },
  { key: 'status', label: 'status', value: (i) => i.status, show: (i) => t(i.status) },
  { key: 'pue', label: 'pue', value: (i) => i.criteria.pue.value, criterion: 'pue', digits: 3 },
  { key: 'racks', label: 'racks', value: (i) => i.criteria.racks.value, criterion: 'racks' },
  { key: 'age', label: 'age', value: (i) => i.criteria.age.value, criterion: 'age' },
  { key: 'months', label: 'months', value: (i) => i.monthsOfData, numeric: true },
  { key: 'saving', label: 'savingKwh', value: (i) => i.annualSavingKwh, numeric: true, show: (i) => fmt(i.annualSavingKwh) },
  { key: 'tco2', label: 'savingTco2', value: (i) => i.annualSavingTco2, numeric: true, show: (i) => fmt(i.annualSavingTco2, 1) }
];

/** A criterion's evidence: its value, the comparison with its threshold, and whether it is met. */
function evidence(c, digits) {
  if (!c) return t('noData');
  const value = c.value === null || c.value === undefined ? t('noData') : fmt(c.value, digits);
  const mark = c.met === true ? '✓' : c.met === false ? '✗' : '?';
  return el('span', { class: 'evidence ' + (c.met ? 'met' : 'unmet'), title: c.comparison + ' ' + c.threshold },
    value + ' ' + c.comparison.replace('<=', '≤').replace('>=', '≥') + ' ' + fmt(c.threshold, digits ? 1 : 0) + ' ' + mark);
}

function visibleCandidates() {
  const text = $('filter').value.trim().toLowerCase();
  const status = $('status-filter').value;
  const district = $('district-filter').value;
  const column = CANDIDATE_COLUMNS.find((c) => c.key === state.sort.key);
  return state.closure.items
    .filter((i) => !status || i.status === status)
    .filter((i) => !district || i.dataCenter.district === district)
    .filter((i) => !text || [i.dataCenter.code, i.dataCenter.name, i.dataCenter.operatorCode]
      .some((s) => String(s).toLowerCase().includes(text)))
    .sort((a, b) => {
      const x = column.value(a); const y = column.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * state.sort.dir;
    });
}

function renderCandidates() {
  if (!state.closure) return;
  const th = state.closure.thresholds; const w = state.closure.window;
  $('rule').textContent = t('ruleText', { pue: th.pueAbove, racks: th.maxRacks, years: th.minYears,
    first: w.first, last: w.last });
  const table = $('candidates');
  table.tHead.replaceChildren(el('tr', {}, CANDIDATE_COLUMNS.map((c) => el('th', {
    class: 'sortable' + (state.sort.key === c.key ? (state.sort.dir > 0 ? ' asc' : ' desc') : ''),
    'data-key': c.key, onclick: () => sortBy(c.key)
  }, t(c.label)))));
  const rows = visibleCandidates();
  table.tBodies[0].replaceChildren(...rows.map((i) => el('tr', {
    class: i.status === 'NO_DATA' ? 'no-data' : '', 'data-code': i.dataCenter.code,
    onclick: () => { $('dc-code').value = i.dataCenter.code; loadPue(); }
  }, CANDIDATE_COLUMNS.map((c) => el('td', { class: c.criterion || c.numeric ? 'num' : '' },
    c.criterion ? evidence(i.criteria[c.criterion], c.digits) : c.show ? c.show(i) : c.value(i))))));
  $('candidate-count').textContent = t('shown', { n: rows.length, total: state.closure.items.length });
}

function sortBy(key) {
  state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
  renderCandidates();
}

/* ---------- charts ---------- */

function initCharts() {
  ['pue', 'sharing'].forEach((name) => {
    if (!state.charts[name]) state.charts[name] = echarts.init($(name + '-chart'));
  });
}

/** Trailing-12-month PUE at each month: Σ facility ÷ Σ IT of the reports in the 12 months ending there. */
function trailingSeries(monthly) {
  const index = (p) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  const first = monthly.length ? index(monthly[0].period) : 0;
  return monthly.map((m) => {
    const end = index(m.period);
    if (end - 11 < first) return [m.period, null];
    const window = monthly.filter((x) => index(x.period) > end - 12 && index(x.period) <= end);
    const facility = window.reduce((s, x) => s + Number(x.facilityKwh), 0);
    const it = window.reduce((s, x) => s + Number(x.itKwh), 0);
    return [m.period, it > 0 ? Math.round(facility / it * 1000) / 1000 : null];
  });
}

function renderPue() {
  const a = state.pue;
  if (!a || !state.charts.pue) return;
  const closureLine = state.closure ? state.closure.thresholds.pueAbove : 1.7;
  const g = a.gradeThresholds || {};
  const lines = [{ yAxis: closureLine, name: t('closureLine') + ' ' + closureLine, lineStyle: { color: '#c62828', width: 2 } }]
    .concat([['GRADE_1', g.grade1Max], ['GRADE_2', g.grade2Max], ['GRADE_3', g.grade3Max]]
      .filter((x) => x[1] !== undefined && x[1] !== null)
      .map(([grade, value]) => ({ yAxis: value, name: t(grade) + ' ≤ ' + value, lineStyle: { color: '#78909c', type: 'dotted' } })));
  const tr = a.trailing12 || {};
  $('pue-facts').textContent = a.dataCenterCode + ' · ' + t('gradeValue', { g: t(a.grade), p: tr.pue === undefined ? t('noData') : tr.pue,
    m: tr.months || 0, end: tr.end || a.to });
  const values = a.monthly.map((m) => Number(m.pue)).concat(lines.map((l) => Number(l.yAxis)));
  state.charts.pue.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('monthlyPue'), t('trailingPue')] },
    grid: { left: 48, right: 110, top: 36, bottom: 36 },
    xAxis: { type: 'category', data: a.monthly.map((m) => m.period) },
    yAxis: { type: 'value', min: Math.floor(Math.min(...values) * 10 - 1) / 10, max: Math.ceil(Math.max(...values) * 10 + 1) / 10 },
    series: [
      { name: t('monthlyPue'), type: 'line', data: a.monthly.map((m) => m.pue), symbolSize: 5,
        markLine: { symbol: 'none', silent: true, label: { position: 'end', formatter: '{b}' }, data: lines } },
      { name: t('trailingPue'), type: 'line', data: trailingSeries(a.monthly).map((p) => p[1]), showSymbol: false,
        connectNulls: false, lineStyle: { width: 3 } }
    ]
  }, true);
}

function renderSharing() {
  const a = state.sharing;
  if (!a || !state.charts.sharing) return;
  const target = state.targets && state.targets.items.find((i) => i.id === 'NEW_BASE_STATION_SHARING');
  const lines = [{ yAxis: a.overall.rate === null ? 0 : a.overall.rate * 100, name: t('overall') }];
  if (target && target.target !== null) lines.push({ yAxis: target.target * 100, name: t('target') });
  state.charts.sharing.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : v.toFixed(1) + '%') },
    grid: { left: 44, right: 64, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: a.items.map((i) => districtName(i.key)), axisLabel: { rotate: 45, interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ name: t('sharingRate'), type: 'bar', data: a.items.map((i) => i.rate === null ? null : i.rate * 100),
      itemStyle: { color: '#2e7d32' },
      markLine: { symbol: 'none', silent: true, label: { position: 'end', formatter: '{b}' }, data: lines } }]
  }, true);
}

/* ---------- district summary ---------- */

function renderSummary() {
  const a = state.summary;
  if (!a) return;
  const table = $('districts');
  const heads = ['district', 'dataCenters', 'racks', 'facilityMwh', 'itMwh', 'pue'];
  table.tHead.replaceChildren(el('tr', {}, heads.map((h) => el('th', {}, t(h)))));
  const row = (name, x) => el('tr', {}, el('td', {}, name), el('td', { class: 'num' }, fmt(x.dataCenters)),
    el('td', { class: 'num' }, fmt(x.racks)), el('td', { class: 'num' }, fmt(x.facilityKwh / 1000)),
    el('td', { class: 'num' }, fmt(x.itKwh / 1000)), el('td', { class: 'num' }, x.pue === null ? t('noData') : fmt(x.pue, 3)));
  table.tBodies[0].replaceChildren(...a.items.map((x) => row(districtName(x.code), x)));
  const total = a.items.reduce((s, x) => ({ dataCenters: s.dataCenters + x.dataCenters, racks: s.racks + x.racks,
    facilityKwh: s.facilityKwh + Number(x.facilityKwh), itKwh: s.itKwh + Number(x.itKwh) }),
  { dataCenters: 0, racks: 0, facilityKwh: 0, itKwh: 0 });
  total.pue = total.itKwh > 0 ? total.facilityKwh / total.itKwh : null;
  table.tFoot.replaceChildren(row(t('total'), total));
}

/* ---------- language ---------- */

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  });
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
  document.title = t('title') + ' · dceff';
  if (!$('dashboard').hidden) {
    fillSelects();
    renderTargets(); renderCandidates(); renderPue(); renderSharing(); renderSummary();
  }
}

function switchLanguage() {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('dceff.lang', state.lang);
  applyLanguage();
}

/* ---------- wiring ---------- */

function start() {
  $('lang').addEventListener('click', switchLanguage);
  $('sign-in-button').addEventListener('click', () => signIn($('token').value));
  $('dev-token').addEventListener('click', useDevToken);
  $('sign-out').addEventListener('click', signOut);
  $('year').addEventListener('change', loadAll);
  $('as-of').addEventListener('change', loadCandidates);
  $('dc-code').addEventListener('change', loadPue);
  $('csv').addEventListener('click', downloadCsv);
  ['filter', 'status-filter', 'district-filter'].forEach((id) => $(id).addEventListener('input', renderCandidates));
  window.addEventListener('resize', () => Object.values(state.charts).forEach((chart) => chart.resize()));
  applyLanguage();
  offerDevToken();
  if (state.token) signIn(state.token);
}

start();
