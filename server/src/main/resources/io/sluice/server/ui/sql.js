// The SQL editor: runs statements in a server session through Flink's SQL Gateway REST API, shows a query's
// result live with its changelog applied (updates and deletes replace and remove rows), and the query's EXPLAIN.
import { esc, getJson, postJson } from './api.js';

const MAX_ROWS_SHOWN = 500;
let session = null;

async function sessionHandle() {
  if (session) {
    try { await postJson(`/v1/sessions/${session}/heartbeat`, {}); return session; } catch (e) { session = null; }
  }
  session = (await postJson('/v1/sessions', { sessionName: 'web-ui' })).sessionHandle;
  return session;
}

/** Splits a script on semicolons outside quotes and comments. */
export function splitStatements(script) {
  const out = [];
  let current = '', quote = null;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      current += c;
      if (c === quote) quote = null;
    } else if (c === '\'' || c === '"' || c === '`') {
      quote = c; current += c;
    } else if (c === '-' && script[i + 1] === '-') {
      while (i < script.length && script[i] !== '\n') i++;
      current += '\n';
    } else if (c === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function isQuery(statement) {
  return /^\s*(\(\s*)*(SELECT|WITH|VALUES)\b/i.test(statement);
}

/** A running statement: submits it, follows its result pages, cancels and closes it. */
class Operation {
  constructor(sessionId, onPage) {
    this.session = sessionId;
    this.onPage = onPage;
    this.stopped = false;
  }

  async run(statement) {
    const { operationHandle } = await postJson(`/v1/sessions/${this.session}/statements`, { statement });
    this.id = operationHandle;
    let uri = `/v2/sessions/${this.session}/operations/${this.id}/result/0?rowFormat=JSON`;
    while (uri && !this.stopped) {
      const page = await getJson(uri);
      if (this.stopped) break;
      this.onPage(page);
      uri = page.nextResultUri || null;
      if (page.resultType === 'NOT_READY' || (page.results.data || []).length === 0) {
        await new Promise(r => setTimeout(r, 150));
      }
    }
  }

  async cancel() {
    this.stopped = true;
    if (this.id) {
      try { await postJson(`/v1/sessions/${this.session}/operations/${this.id}/cancel`, {}); } catch (e) { /* ended */ }
      try { await postJson(`/v1/sessions/${this.session}/operations/${this.id}/close`, undefined, 'DELETE'); } catch (e) { /* closed */ }
    }
  }
}

/** The result of a query as a table with the changelog applied. */
class MaterializedResult {
  constructor() {
    this.columns = [];
    this.rows = [];
    this.changes = 0;
  }

  apply(page) {
    if (page.results.columns && page.results.columns.length) this.columns = page.results.columns.map(c => c.name);
    for (const row of page.results.data || []) {
      this.changes++;
      if (row.kind === 'INSERT' || row.kind === 'UPDATE_AFTER') {
        this.rows.push(row.fields);
      } else {
        const key = JSON.stringify(row.fields);
        const at = this.rows.findIndex(r => JSON.stringify(r) === key);
        if (at >= 0) this.rows.splice(at, 1);
      }
    }
  }
}

/** A result cell; an INSERT's job id links to the job's page. */
function cell(column, value) {
  if (value === null) return '<i class="muted">NULL</i>';
  if (column === 'job id') return `<a class="job-link" href="#/jobs/${esc(value)}">${esc(value)}</a>`;
  return esc(value);
}

export function renderSqlPage(main) {
  main.innerHTML = `<h1>SQL</h1>
    <textarea id="sql-input" spellcheck="false" placeholder="SELECT ...">${esc(localStorage.getItem('sluice-sql') || '')}</textarea>
    <div class="toolbar"><button class="primary" id="sql-run">Run</button><button id="sql-cancel" disabled>Cancel</button>
      <span id="sql-status" class="muted"></span></div>
    <div id="sql-error" class="error"></div>
    <div class="grid2"><div><h2>Result</h2><div id="sql-result"></div></div>
      <div><h2>EXPLAIN</h2><pre id="sql-explain" class="muted">Run a query to see its plan.</pre></div></div>`;
  const input = document.getElementById('sql-input');
  const runButton = document.getElementById('sql-run');
  const cancelButton = document.getElementById('sql-cancel');
  const status = document.getElementById('sql-status');
  const error = document.getElementById('sql-error');
  const resultBox = document.getElementById('sql-result');
  const explainBox = document.getElementById('sql-explain');
  let current = null;

  const show = result => {
    const rows = result.rows.slice(-MAX_ROWS_SHOWN);
    resultBox.innerHTML = `<p class="muted" id="sql-counts">${result.rows.length} rows · ${result.changes} changes`
        + `${result.rows.length > MAX_ROWS_SHOWN ? ` (last ${MAX_ROWS_SHOWN} shown)` : ''}</p>`
        + `<table id="sql-table"><thead><tr>${result.columns.map(c => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`
        + rows.map(r => `<tr>${r.map((v, i) => `<td>${cell(result.columns[i], v)}</td>`).join('')}</tr>`).join('')
        + '</tbody></table>';
  };

  const stop = async () => {
    if (current) { const c = current; current = null; await c.cancel(); }
    runButton.disabled = false;
    cancelButton.disabled = true;
  };

  runButton.addEventListener('click', async () => {
    await stop();
    localStorage.setItem('sluice-sql', input.value);
    error.textContent = '';
    runButton.disabled = true;
    cancelButton.disabled = false;
    try {
      const sid = await sessionHandle();
      const statements = splitStatements(input.value);
      for (let i = 0; i < statements.length; i++) {
        const statement = statements[i];
        status.textContent = `running statement ${i + 1} of ${statements.length}`;
        if (isQuery(statement)) {
          explain(sid, statement);
        }
        const result = new MaterializedResult();
        const op = new Operation(sid, page => { result.apply(page); show(result); });
        current = op;
        await op.run(statement);
        if (op.stopped) return;
      }
      status.textContent = 'done';
    } catch (e) {
      error.textContent = e.message;
      status.textContent = 'failed';
    } finally {
      if (current) current = null;
      runButton.disabled = false;
      cancelButton.disabled = true;
    }
  });
  cancelButton.addEventListener('click', async () => { await stop(); status.textContent = 'cancelled'; });

  async function explain(sid, statement) {
    explainBox.textContent = 'explaining...';
    try {
      let text = '';
      const op = new Operation(sid, page => {
        for (const row of page.results.data || []) text += row.fields.join('\t') + '\n';
      });
      await op.run('EXPLAIN ' + statement);
      explainBox.textContent = text;
      explainBox.classList.remove('muted');
    } catch (e) {
      explainBox.textContent = 'EXPLAIN failed: ' + e.message;
    }
  }

  return () => { stop(); };
}
