/* dceff regulator dashboard: reporting gaps, months × sites, for the chosen district, with the reminders sent. */
'use strict';

/** The 12 months ending with the assessment window's last month. */
function loadGaps() {
  const to = state.closure ? state.closure.window.last : pueRange().to;
  const district = $('district-filter').value;
  load('gaps', Promise.all([
    api('/api/v1/reporting-gaps?size=500&months=12&to=' + to + (district ? '&district=' + district : '')),
    api('/api/v1/reporting-reminders?period=' + to)
  ]), (a) => {
    state.gaps = a ? a[0] : null;
    state.reminders = a ? a[1] : null;
    renderGaps();
  });
}

function renderGaps() {
  const table = $('gaps');
  const g = state.gaps;
  if (!g) {
    table.tHead.replaceChildren(); table.tBodies[0].replaceChildren();
    ['gaps-range', 'gaps-summary', 'reminders'].forEach((id) => { $(id).textContent = ''; });
    return;
  }
  const months = monthsBetween(g.from, g.to);
  $('gaps-range').textContent = t('gapsRange', { from: g.from, to: g.to });
  const reminded = new Set((state.reminders || []).map((r) => r.dataCenter));
  if (!g.items.length) {
    table.tHead.replaceChildren(); table.tBodies[0].replaceChildren();
    $('gaps-summary').textContent = t('gapsNone', { from: g.from, to: g.to });
  } else {
    const missingTotal = g.items.reduce((s, x) => s + x.missing.length, 0);
    $('gaps-summary').textContent = t('gapsSummary', { n: fmt(g.total), m: fmt(missingTotal) })
      + (g.total > g.items.length ? ' ' + t('gapsMore', { n: g.items.length, total: g.total }) : '');
    table.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col' }, t('code')), el('th', { scope: 'col' }, t('name')),
      el('th', { scope: 'col', class: 'num' }, t('missingCell')),
      months.map((m) => el('th', { scope: 'col', class: 'month', title: m }, el('abbr', { title: m }, m.slice(2))))));
    table.tBodies[0].replaceChildren(...g.items.map((x) => {
      const missing = new Set(x.missing);
      const firstOwed = months.length - x.monthsOwed;
      return el('tr', { 'data-code': x.code },
        el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', onclick: () => openSite(x.code) }, x.code)),
        el('td', { class: 'name' }, x.name, el('span', { class: 'hint' }, ' · ' + x.operatorCode)),
        el('td', { class: 'num' }, String(x.missing.length)),
        months.map((m, i) => {
          if (i < firstOwed) return el('td', { class: 'cell not-owed', title: m + ' · ' + t('notOwed') }, '');
          if (!missing.has(m)) return el('td', { class: 'cell ok', title: m + ' · ' + t('reportedCell') }, '·');
          const bell = i === months.length - 1 && reminded.has(x.code);
          return el('td', { class: 'cell missing', title: m + ' · ' + t('missingCell') + (bell ? ' · ' + t('remindedCell') : '') },
            bell ? '🔔' : '✕', el('span', { class: 'visually-hidden' }, t('missingCell')));
        }));
    }));
  }
  const district = $('district-filter').value;
  const inScope = (state.reminders || []).filter((r) => !district
    || (state.sites.find((s) => s.code === r.dataCenter) || {}).district === district);
  $('reminders').textContent = inScope.length
    ? t('remindersSent', { period: g.to, n: inScope.length, list: inScope.slice(0, 12).map((r) => r.dataCenter).join(', ')
      + (inScope.length > 12 ? ' …' : '') })
    : t('remindersNone', { period: g.to });
}
