/* dceff regulator dashboard: the site panel. One data center, any of them: its facts, the closure rule worked
   through with its own numbers, its PUE on a time axis with the missing months shown, where its load could go,
   the decisions on it (and a form to record one), its status history, and its corrections and quality flags. */
'use strict';

/** The assessment window's last month (the last full month on or before asOf), and the 36 months up to it. */
function pueRange() {
  const asOf = new Date($('as-of').value + 'T00:00:00Z');
  const next = new Date(asOf.getTime() + 86400000);
  const end = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - (next.getUTCDate() === 1 ? 0 : 1), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 35, 1));
  const ym = (d) => d.toISOString().slice(0, 7);
  return { from: ym(start), to: ym(end) };
}

const monthIndex = (p) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
const monthOf = (i) => String(Math.floor(i / 12)) + '-' + String(i % 12 + 1).padStart(2, '0');

/** Every month from one YYYY-MM to another. */
function monthsBetween(from, to) {
  const months = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthOf(i));
  return months;
}

/** Consecutive months as runs: ['2025-07', '2025-08', '2025-10'] → [['2025-07', '2025-08'], ['2025-10', '2025-10']]. */
function runs(months) {
  const sorted = months.slice().sort();
  const out = [];
  sorted.forEach((m) => {
    const last = out[out.length - 1];
    if (last && monthIndex(m) === monthIndex(last[1]) + 1) last[1] = m; else out.push([m, m]);
  });
  return out;
}
const runText = (r) => r[0] === r[1] ? r[0] : r[0] + ' – ' + r[1];

function closureItem(code) {
  const lists = [state.closure, state.watch].filter((a) => a).map((a) => a.items);
  for (const items of lists) {
    const found = items.find((i) => i.dataCenter.code === code);
    if (found) return found;
  }
  return null;
}

/** The search box: a code, a name, or part of either; an unknown code still opens (the panel then says so). */
function findSite(input) {
  const value = (input || '').trim();
  if (!value) return;
  const lower = value.toLowerCase();
  const match = state.sites.find((s) => s.code.toLowerCase() === lower)
    || state.sites.find((s) => s.name.toLowerCase() === lower)
    || state.sites.find((s) => s.code.toLowerCase().includes(lower) || s.name.toLowerCase().includes(lower));
  openSite(match ? match.code : value);
}

function openSite(code) {
  const panel = $('site-panel');
  const s = { code, dc: null, pue: null, decisions: null, history: null, reports: null, consolidation: null, errors: {},
    message: '' };
  state.site = s;
  if (!panel.open) panel.showModal();
  if (!state.charts.pue) state.charts.pue = echarts.init($('pue-chart'));
  renderSite();
  const range = sitePueRange();
  const enc = encodeURIComponent(code);
  const item = closureItem(code);
  sitePart(s, 'dc', api('/api/v1/data-centers/' + enc));
  sitePart(s, 'pue', api('/api/v1/data-centers/' + enc + '/pue?from=' + range.from + '&to=' + range.to));
  sitePart(s, 'decisions', api('/api/v1/closure-candidates/' + enc + '/decisions'));
  sitePart(s, 'history', api('/api/v1/data-centers/' + enc + '/status-history'));
  sitePart(s, 'reports', api('/api/v1/data-centers/' + enc + '/energy-reports?size=500&from=' + range.from + '&to=' + range.to));
  if (item && item.status === 'CANDIDATE') {
    sitePart(s, 'consolidation', api('/api/v1/closure-candidates/' + enc + '/consolidation?asOf=' + $('as-of').value));
  }
}

/** The PUE range ends with the closure window, so the trailing 12 months of the answer are the rule's window. */
function sitePueRange() {
  if (!state.closure) return pueRange();
  const to = state.closure.window.last;
  return { from: monthOf(monthIndex(to) - 35), to };
}

function sitePart(s, name, promise) {
  return promise.then((a) => { if (state.site === s) { s[name] = a; delete s.errors[name]; renderSite(); } })
    .catch((e) => { if (state.site === s) { s[name] = null; s.errors[name] = e; renderSite(); } });
}

function closeSite() {
  $('site-panel').close();
}

function renderSite() {
  const s = state.site;
  if (!s) return;
  const name = (s.dc && s.dc.name) || siteName(s.code);
  $('site-title').textContent = s.code + (name ? ' · ' + name : '');
  const notFound = s.errors.dc && s.errors.dc.status === 404;
  const failed = Object.values(s.errors).find((e) => !(e.status === 404 && notFound));
  document.querySelector('#site-panel > .card-message').textContent = notFound ? t('siteNotFound', { code: s.code })
    : failed ? errorText(failed) : '';
  renderFacts(s);
  renderRule(s);
  renderPue();
  renderConsolidation(s);
  renderDecisions(s);
  renderHistory(s);
  renderRevisions(s);
}

function renderFacts(s) {
  const d = s.dc;
  if (!d) { $('site-facts').replaceChildren(); return; }
  const pairs = [['operator', d.operatorCode], ['district', districtName(d.district)], ['address', d.address || t('noData')],
    ['racks', fmt(d.racks)], ['commissioned', d.commissionedOn], ['status', t(d.status)],
    ['designPue', d.designPue === null || d.designPue === undefined ? t('noData') : fmt(d.designPue, 3)]];
  $('site-facts').replaceChildren(...pairs.map(([k, v]) => el('div', {}, el('dt', {}, t(k)), el('dd', {}, v))));
}

/** Full years from a date to another, as the rule counts them. */
function fullYears(since, at) {
  const a = new Date(since + 'T00:00:00Z'); const b = new Date(at + 'T00:00:00Z');
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) years--;
  return years;
}

function renderRule(s) {
  const box = $('site-rule');
  const d = s.dc;
  if (!d || !state.closure) { box.replaceChildren(); return; }
  const th = state.closure.thresholds; const w = state.closure.window;
  if (d.status !== 'OPERATING') {
    box.replaceChildren(el('p', {}, t('notOperating', { status: t(d.status) })));
    return;
  }
  const item = closureItem(s.code);
  const tr = s.pue ? s.pue.trailing12 || {} : {};
  const months = item ? item.monthsOfData : (tr.months || 0);
  const pue = item ? item.criteria.pue.value : tr.pue;
  const years = item ? item.yearsInOperation : fullYears(d.commissionedOn, $('as-of').value);
  const mark = (ok) => el('span', { class: 'mark ' + (ok ? 'met' : 'unmet') }, ok ? '✓ ' + t('met') : '✗ ' + t('notMet'));
  const pueMet = pue !== null && pue !== undefined && Number(pue) > Number(th.pueAbove);
  const lines = [
    el('li', {}, t('ruleWindow', { first: w.first, last: w.last, months })),
    el('li', {}, months > 0 && s.pue
      ? t('rulePue', { facility: fmt(tr.facilityKwh), it: fmt(tr.itKwh), pue: fmt(pue, 3), threshold: th.pueAbove })
      : 'PUE: ' + t('noPueData') + ' (> ' + th.pueAbove + ')', ' ', mark(pueMet)),
    el('li', {}, t('ruleRacks', { racks: fmt(d.racks), threshold: th.maxRacks }), ' ', mark(d.racks <= th.maxRacks)),
    el('li', {}, t('ruleAge', { since: d.commissionedOn, years, threshold: th.minYears }), ' ', mark(years >= th.minYears))
  ];
  const status = item ? item.status : 'NONE_STATUS';
  lines.push(el('li', { class: 'outcome' }, t('ruleOutcome', { status: t(status) })));
  if (item && item.status === 'CANDIDATE' && item.annualSavingKwh !== undefined) {
    const factor = (id) => (state.closure.factors.find((f) => f.id === id) || {}).value;
    lines.push(el('li', {}, t('ruleSaving', { it: fmt(tr.itKwh), months, pue: fmt(item.pue, 3),
      rpue: fmt(item.receivingPue, 3), kwh: fmt(item.annualSavingKwh), tce: fmt(item.annualSavingTce, 2),
      tco2: fmt(item.annualSavingTco2, 2), coal: factor('STANDARD_COAL_EQUIVALENT'), grid: factor('GRID_CO2_SHANGHAI') })));
  }
  box.replaceChildren(el('ul', { class: 'rule-lines' }, lines));
}

/** Trailing-12-month PUE at each reported month, Σ facility ÷ Σ IT over the reports of the 12 months ending there;
 *  none at a missing month (the line breaks) nor before 12 months of history. */
function trailingAt(months, byPeriod, firstReported) {
  return months.map((m) => {
    const end = monthIndex(m);
    if (!byPeriod[m] || end - 11 < firstReported) return null;
    let facility = 0; let it = 0;
    for (let i = end - 11; i <= end; i++) {
      const r = byPeriod[monthOf(i)];
      if (r) { facility += Number(r.facilityKwh); it += Number(r.itKwh); }
    }
    return it > 0 ? Math.round(facility / it * 1000) / 1000 : null;
  });
}

function renderPue() {
  const s = state.site;
  const chart = state.charts.pue;
  if (!s || !chart) return;
  const a = s.pue;
  const box = $('pue-chart');
  if (!a) {
    chart.clear(); $('pue-facts').textContent = ''; $('pue-missing').textContent = '';
    return;
  }
  const tr = a.trailing12 || {};
  $('pue-facts').textContent = t('gradeValue', { g: t(a.grade), p: tr.pue === undefined ? t('noData') : tr.pue,
    m: tr.months || 0, end: tr.end || a.to });
  if (!a.monthly.length) {
    chart.clear();
    box.hidden = true;
    $('pue-missing').textContent = t('noReports', { code: s.code, from: a.from, to: a.to });
    return;
  }
  box.hidden = false;
  chart.resize();
  const months = monthsBetween(a.from, a.to);
  const byPeriod = Object.fromEntries(a.monthly.map((m) => [m.period, m]));
  const missing = runs(a.missingMonths || []);
  $('pue-missing').textContent = missing.length
    ? t('missingMonths', { n: (a.missingMonths || []).length, list: missing.map(runText).join(', ') })
    : t('noMissing', { from: a.from, to: a.to });
  // the closure line is the threshold the closure answer was assessed with; until that answer is in, none is drawn
  const closureLine = state.closure ? state.closure.thresholds.pueAbove : null;
  const g = a.gradeThresholds || {};
  const lines = (closureLine === null ? []
    : [{ yAxis: closureLine, name: t('closureLine') + ' ' + closureLine, lineStyle: { color: '#c62828', width: 2 } }])
    .concat([['GRADE_1', g.grade1Max], ['GRADE_2', g.grade2Max], ['GRADE_3', g.grade3Max]]
      .filter((x) => x[1] !== undefined && x[1] !== null)
      .map(([grade, value]) => ({ yAxis: value, name: t(grade) + ' ≤ ' + value, lineStyle: { color: '#78909c', type: 'dotted' } })));
  const monthly = months.map((m) => byPeriod[m] ? Number(byPeriod[m].pue) : null);
  const trailing = trailingAt(months, byPeriod, monthIndex(a.monthly[0].period));
  const values = monthly.concat(trailing).filter((v) => v !== null).concat(lines.map((l) => Number(l.yAxis)));
  const day = (m) => m + '-01';
  const bands = missing.map((r) => [{ xAxis: day(r[0]), name: t('missingBand') + ' ' + runText(r) },
    { xAxis: day(monthOf(monthIndex(r[1]) + 1)) }]);
  const present = monthly.filter((v) => v !== null);
  const summary = t('pueSummary', { code: s.code, from: a.from, to: a.to, n: present.length,
    min: fmt(Math.min(...present), 3), max: fmt(Math.max(...present), 3), missing: $('pue-missing').textContent });
  chart.setOption({
    animation: false, textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: summary } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('monthlyPue'), t('trailingPue')] },
    grid: { left: 48, right: narrow() ? 16 : 110, top: 36, bottom: 36 },
    xAxis: { type: 'time', min: day(a.from), max: day(a.to), axisLabel: { formatter: '{yyyy}-{MM}', hideOverlap: true } },
    yAxis: { type: 'value', min: Math.floor(Math.min(...values) * 10 - 1) / 10, max: Math.ceil(Math.max(...values) * 10 + 1) / 10 },
    series: [
      { name: t('monthlyPue'), type: 'line', data: months.map((m, i) => [day(m), monthly[i]]), symbolSize: 5,
        connectNulls: false,
        markLine: { symbol: 'none', silent: true, label: { position: narrow() ? 'insideEndTop' : 'end', formatter: '{b}' }, data: lines },
        markArea: { silent: true, itemStyle: { color: 'rgba(120, 144, 156, 0.18)' },
          label: { position: 'insideTop', color: '#37474f' }, data: bands } },
      { name: t('trailingPue'), type: 'line', data: months.map((m, i) => [day(m), trailing[i]]), showSymbol: false,
        connectNulls: false, lineStyle: { width: 3 } }
    ]
  }, true);
}

/** A small read-only table, or a sentence when there is nothing to show. */
function smallTable(columns, rows, empty) {
  if (!rows.length) return el('p', { class: 'hint' }, empty);
  return el('div', { class: 'scroll' }, el('table', { class: 'data cards' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, t(c.label))))),
    el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', { class: c.numeric ? 'num' : '',
      'data-label': t(c.label) }, c.show(r))))))));
}

const dash = (v) => v === null || v === undefined || v === '' ? t('noData') : v;

function siteButton(code) {
  return el('button', { type: 'button', class: 'link', onclick: () => openSite(code) }, code);
}

function renderConsolidation(s) {
  const box = $('site-consolidation');
  const item = closureItem(s.code);
  if (!item || item.status !== 'CANDIDATE') { box.replaceChildren(el('p', { class: 'hint' }, t('onlyCandidates'))); return; }
  if (s.errors.consolidation) { box.replaceChildren(el('p', { class: 'message' }, errorText(s.errors.consolidation))); return; }
  if (!s.consolidation) { box.replaceChildren(el('p', { class: 'hint' }, t('loading'))); return; }
  $('receiving-codes').replaceChildren(...s.consolidation.map((o) => el('option', { value: o.code }, siteName(o.code))));
  box.replaceChildren(smallTable([
    { label: 'code', show: (o) => siteButton(o.code) },
    { label: 'name', show: (o) => dash(siteName(o.code)) },
    { label: 'operator', show: (o) => dash(siteOperator(o.code)) },
    { label: 'district', show: (o) => districtName(o.district) },
    { label: 'spareRacks', numeric: true, show: (o) => fmt(o.spareRacks) },
    { label: 'pueCol', numeric: true, show: (o) => fmt(o.pue, 3) },
    { label: 'saving', numeric: true, show: (o) => fmt(o.savingKwh) },
    { label: 'sameDistrict', show: (o) => o.sameDistrict ? t('yes') : t('no') }
  ], s.consolidation.slice(0, 10), t('noConsolidation', { pue: state.closure.thresholds.receivingMaxPue })));
}

function renderDecisions(s) {
  const box = $('site-decisions');
  const select = document.querySelector('#decision-form select[name=action]');
  const chosen = select.value;
  select.replaceChildren(...['CLOSE', 'MERGE', 'CONVERT', 'RETIRE'].map((a) => el('option', { value: a }, t(a))));
  if (chosen) select.value = chosen;
  $('decision-form').hidden = !s.dc;
  if (s.errors.decisions) { box.replaceChildren(el('p', { class: 'message' }, errorText(s.errors.decisions))); return; }
  if (!s.decisions) { box.replaceChildren(); return; }
  box.replaceChildren(smallTable([
    { label: 'action', show: (d) => t(d.action) },
    { label: 'receivingSite', show: (d) => d.receivingSite ? siteButton(d.receivingSite) : t('noData') },
    { label: 'decidedOn', show: (d) => dash(d.decidedOn) },
    { label: 'dueOn', show: (d) => dash(d.dueOn) },
    { label: 'completedOn', show: (d) => dash(d.completedOn) },
    { label: 'note', show: (d) => dash(d.note) },
    { label: 'recordedBy', show: (d) => dash(d.recordedBy) },
    { label: 'statusAfter', show: (d) => t(d.statusAfter) }
  ], s.decisions, t('noDecisions')));
}

async function recordDecision(event) {
  event.preventDefault();
  const s = state.site;
  if (!s) return;
  const form = event.target;
  const field = (name) => form.elements.namedItem(name);
  const body = { action: field('action').value };
  ['receivingSite', 'decidedOn', 'dueOn', 'completedOn', 'note'].forEach((name) => {
    const value = field(name).value.trim();
    if (value) body[name] = value;
  });
  const message = form.querySelector('.form-message');
  message.textContent = '';
  try {
    await api('/api/v1/closure-candidates/' + encodeURIComponent(s.code) + '/decisions', { method: 'POST', body });
    form.reset();
    message.textContent = t('decisionSaved', { action: t(body.action) });
    const enc = encodeURIComponent(s.code);
    sitePart(s, 'decisions', api('/api/v1/closure-candidates/' + enc + '/decisions'));
    sitePart(s, 'history', api('/api/v1/data-centers/' + enc + '/status-history'));
    sitePart(s, 'dc', api('/api/v1/data-centers/' + enc));
    loadCandidates();
  } catch (e) {
    if (state.token) message.textContent = errorText(e);
  }
}

function renderHistory(s) {
  const box = $('site-history');
  if (!s.history) { box.replaceChildren(); return; }
  box.replaceChildren(smallTable([
    { label: 'fromStatus', show: (c) => c.fromStatus ? t(c.fromStatus) : t('noData') },
    { label: 'toStatus', show: (c) => t(c.toStatus) },
    { label: 'effectiveOn', show: (c) => dash(c.effectiveOn) },
    { label: 'changedBy', show: (c) => dash(c.changedBy) },
    { label: 'note', show: (c) => dash(c.note) }
  ], s.history, t('noHistory')));
}

function renderRevisions(s) {
  const box = $('site-revisions');
  if (!s.reports) { box.replaceChildren(); return; }
  const notable = s.reports.items.filter((r) => r.revision > 1 || (r.qualityFlags || []).length);
  box.replaceChildren(smallTable([
    { label: 'period', show: (r) => r.period },
    { label: 'revision', numeric: true, show: (r) => String(r.revision) },
    { label: 'pueCol', numeric: true, show: (r) => fmt(r.pue, 3) },
    { label: 'flags', show: (r) => (r.qualityFlags || []).map((f) => t(f)).join(', ') || t('noData') },
    { label: 'note', show: (r) => dash(r.note) }
  ], notable, t('noRevisions')));
}

document.addEventListener('DOMContentLoaded', () => {
  $('site-close').addEventListener('click', closeSite);
  $('site-panel').addEventListener('close', () => { state.site = null; });
  $('decision-form').addEventListener('submit', recordDecision);
});
