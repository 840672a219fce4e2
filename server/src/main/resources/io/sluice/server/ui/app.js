// The Sluice web UI: job list, job details (graph with live metrics, records/s chart, checkpoints, exceptions)
// and a SQL editor. Plain ES modules over the server's REST API; routes are URL fragments (#/jobs, #/jobs/<id>, #/sql).
import { esc, formatBytes, formatDuration, formatRate, formatTime, formatWatermark, getJson, postJson } from './api.js';
import { renderGraph } from './graph.js';
import { RateChart } from './chart.js';
import { renderSqlPage } from './sql.js';

const main = document.getElementById('main');
const statusLine = document.getElementById('status-line');
let timer = null;
let leave = null;

function every(ms, fn) {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try { await fn(); statusLine.textContent = 'updated ' + new Date().toLocaleTimeString(); }
    catch (e) { statusLine.textContent = 'error: ' + e.message; }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  tick();
  return () => { stopped = true; clearTimeout(timer); };
}

function route() {
  if (leave) { leave(); leave = null; }
  const hash = location.hash || '#/jobs';
  document.getElementById('nav-jobs').classList.toggle('active', hash.startsWith('#/jobs'));
  document.getElementById('nav-sql').classList.toggle('active', hash.startsWith('#/sql'));
  const job = hash.match(/^#\/jobs\/([^/]+)$/);
  if (job) {
    leave = jobPage(job[1]);
  } else if (hash.startsWith('#/sql')) {
    leave = renderSqlPage(main);
  } else {
    leave = jobListPage();
  }
}

function jobListPage() {
  main.innerHTML = '<h1>Jobs</h1><table id="job-list"><thead><tr><th>Name</th><th>State</th><th>Start time</th>'
      + '<th>Duration</th><th>Job id</th></tr></thead><tbody></tbody></table>'
      + '<p class="muted" id="no-jobs" hidden>No jobs yet: run an INSERT from the SQL page, psql or the REST API.</p>';
  const body = main.querySelector('tbody');
  body.addEventListener('click', e => {
    const row = e.target.closest('tr.job-row');
    if (row) location.hash = '#/jobs/' + row.dataset.jid;
  });
  return every(1000, async () => {
    const { jobs } = await getJson('/jobs/overview');
    jobs.sort((a, b) => b['start-time'] - a['start-time']);
    body.innerHTML = jobs.map(j => `<tr class="job-row" data-jid="${esc(j.jid)}"><td>${esc(j.name)}</td>`
        + `<td><span class="state ${esc(j.state)}">${esc(j.state)}</span></td><td>${formatTime(j['start-time'])}</td>`
        + `<td class="duration">${formatDuration(j.duration)}</td><td><code>${esc(j.jid)}</code></td></tr>`).join('');
    document.getElementById('no-jobs').hidden = jobs.length > 0;
  });
}

function jobPage(jid) {
  main.innerHTML = `<h1 id="job-name"></h1>
    <div class="card summary" id="job-summary"></div>
    <h2>Job graph</h2>
    <div class="graph-box"><svg id="job-graph"></svg></div>
    <div id="vertex-details"><p class="muted">Click an operator for its subtasks.</p></div>
    <h2>Records per second</h2>
    <div class="chart"><svg id="rate-chart"></svg><div class="legend" id="rate-legend"></div></div>
    <div class="grid2">
      <div><h2>Checkpoints</h2><div id="checkpoints"></div></div>
      <div><h2>Exceptions</h2><div id="exceptions"></div></div>
    </div>`;
  const chart = new RateChart(document.getElementById('rate-chart'), document.getElementById('rate-legend'));
  let seeded = false;
  const summary = document.getElementById('job-summary');
  let selected = null;
  document.getElementById('job-graph').addEventListener('click', e => {
    const node = e.target.closest('g.node');
    if (node) selected = node.dataset.vertex;
  });
  summary.addEventListener('click', async e => {
    const button = e.target.closest('button');
    if (!button) return;
    button.disabled = true;
    try {
      if (button.id === 'cancel-job') {
        await postJson(`/jobs/${jid}?mode=cancel`, undefined, 'PATCH');
      } else if (button.id === 'stop-job') {
        const dir = prompt('Savepoint directory (empty: the server\'s --savepoint-dir)', '');
        if (dir === null) { button.disabled = false; return; }
        const { 'request-id': trigger } = await postJson(`/jobs/${jid}/stop`, dir ? { targetDirectory: dir } : {});
        for (let i = 0; i < 300; i++) {
          const s = await getJson(`/jobs/${jid}/savepoints/${trigger}`);
          if (s.status.id === 'COMPLETED') {
            alert(s.operation.location ? 'Savepoint at ' + s.operation.location
                : 'Savepoint failed: ' + s.operation['failure-cause']['stack-trace']);
            break;
          }
          await new Promise(r => setTimeout(r, 200));
        }
      }
    } catch (err) {
      alert(err.message);
    }
  });
  return every(1000, async () => {
    const [job, checkpoints, exceptions] = await Promise.all([getJson(`/jobs/${jid}`),
      getJson(`/jobs/${jid}/checkpoints`), getJson(`/jobs/${jid}/exceptions`)]);
    document.getElementById('job-name').textContent = job.name;
    const running = job.state === 'RUNNING';
    summary.innerHTML = `<span>State <span id="job-state" class="state ${esc(job.state)}">${esc(job.state)}</span></span>`
        + `<span>Duration <b>${formatDuration(job.duration)}</b></span><span>Started <b>${formatTime(job['start-time'])}</b></span>`
        + `<span>Job id <code>${esc(job.jid)}</code></span>`
        + `<span><button id="cancel-job" ${running ? '' : 'disabled'}>Cancel</button> `
        + `<button id="stop-job" ${running ? '' : 'disabled'}>Stop with savepoint</button></span>`;
    const vertices = new Map(job.vertices.map(v => [v.id, v]));
    renderGraph(document.getElementById('job-graph'), job.plan, vertices, selected);
    if (selected && vertices.has(selected)) {
      renderVertex(await getJson(`/jobs/${jid}/vertices/${selected}`));
    }
    if (!seeded) { // the last two minutes, as the server sampled them
      seeded = true;
      const history = await getJson(`/jobs/${jid}/rates`);
      history.vertices.forEach(v => v['records-per-second'].forEach((r, i) => chart.add(v.name, history.timestamps[i], r)));
    }
    const now = Date.now();
    for (const v of job.vertices) {
      const isSink = !job.plan.nodes.some(n => (n.inputs || []).some(i => i.id === v.id));
      chart.add(v.name, now, isSink ? v.metrics['records-in-per-second'] : v.metrics['records-out-per-second']);
    }
    chart.render();
    renderCheckpoints(checkpoints);
    renderExceptions(exceptions);
  });
}

function renderVertex(v) {
  const rows = v.subtasks.map(s => {
    const m = s.metrics;
    return `<tr class="subtask-row"><td>${s.subtask}</td><td>${m['read-records']}</td><td>${m['write-records']}</td>`
        + `<td>${formatRate(m['records-in-per-second'])}</td><td>${formatRate(m['records-out-per-second'])}</td>`
        + `<td>${formatBytes(m['read-bytes'])}</td><td>${formatBytes(m['write-bytes'])}</td>`
        + `<td>${formatWatermark(m['current-watermark'])}</td><td>${formatBytes(m['state-size'])}</td>`
        + `<td>${m['late-records-dropped']}</td><td>${Math.round(m['busy-ratio'] * 100)}%</td>`
        + `<td>${esc(m['backpressure-level'])} ${Math.round(m['backpressure-ratio'] * 100)}%</td></tr>`;
  }).join('');
  document.getElementById('vertex-details').innerHTML = `<h2 id="vertex-name">${esc(v.name)}</h2>`
      + '<table><thead><tr><th>Subtask</th><th>Records in</th><th>Records out</th><th>In/s</th><th>Out/s</th>'
      + '<th>Bytes in</th><th>Bytes out</th><th>Watermark</th><th>State</th><th>Late dropped</th><th>Busy</th>'
      + `<th>Back pressure</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderCheckpoints(c) {
  const counts = c.counts;
  const rows = c.history.map(h => `<tr class="checkpoint-row"><td>${h.id}</td><td>${esc(h.status)}</td>`
      + `<td>${h.is_savepoint ? 'savepoint' : 'checkpoint'}</td><td>${formatTime(h.trigger_timestamp)}</td>`
      + `<td>${h.end_to_end_duration} ms</td><td>${formatBytes(h.state_size)}</td>`
      + `<td>${esc(h.external_path || h.failure_message || '')}</td></tr>`).join('');
  document.getElementById('checkpoints').innerHTML = `<p class="muted" id="checkpoint-counts">completed `
      + `${counts.completed} · failed ${counts.failed} · in progress ${counts.in_progress}`
      + (c.latest.restored ? ` · restored from ${esc(c.latest.restored.external_path)}` : '') + '</p>'
      + (rows ? `<table><thead><tr><th>Id</th><th>Status</th><th>Type</th><th>Triggered</th><th>Duration</th>`
      + `<th>State size</th><th>Path</th></tr></thead><tbody>${rows}</tbody></table>` : '');
}

function renderExceptions(e) {
  const entries = e.exceptionHistory.entries;
  document.getElementById('exceptions').innerHTML = entries.length === 0 ? '<p class="muted">No exceptions.</p>'
      : entries.map(x => `<div class="card exception"><div><b>${esc(x.exceptionName)}</b> in operator `
          + `<b class="failing-operator">${esc(x.taskName || 'unknown')}</b> at ${formatTime(x.timestamp)}</div>`
          + `<div class="error">${esc(x.message)}</div><details><summary>Stack trace</summary>`
          + `<pre>${esc(x.stacktrace)}</pre></details></div>`).join('');
}

window.addEventListener('hashchange', route);
route();
