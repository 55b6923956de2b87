// The KiteMQ console: plain ES module, no build step. Every API error is shown in #error.

const $ = (sel) => document.querySelector(sel);

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Error(`${method} ${path}: the node does not answer (${e.message})`);
  }
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new Error(`${method} ${path}: HTTP ${response.status}, not JSON`);
  }
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${data && data.error ? data.error : 'HTTP ' + response.status}`);
  }
  return data;
}

function showError(e) {
  const box = $('#error');
  box.textContent = e.message;
  box.hidden = false;
}

function clearError() {
  $('#error').hidden = true;
  $('#error').textContent = '';
}

// Actions still running, kept on <body data-busy>, so that whoever drives the page (a browser
// test) can tell a page that is drawn from one that is still waiting for the node.
let running = 0;

function busy(delta) {
  running += delta;
  document.body.dataset.busy = String(running);
}

// Runs an action triggered by the person; its failure is shown, never swallowed.
function act(fn) {
  return async (event) => {
    if (event) event.preventDefault();
    clearError();
    busy(1);
    try {
      await fn(event);
    } catch (e) {
      showError(e);
    } finally {
      busy(-1);
    }
  };
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '-' : text;
  row.appendChild(td);
  return td;
}

// A table row of plain values; the optional last argument is an element put in a last cell.
function row(body, values, extra) {
  const tr = document.createElement('tr');
  values.forEach((v) => cell(tr, v));
  if (extra) {
    const td = document.createElement('td');
    td.appendChild(extra);
    tr.appendChild(td);
  }
  body.appendChild(tr);
  return tr;
}

function link(text, onClick) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = '#';
  a.addEventListener('click', act(onClick));
  return a;
}

function button(text, id, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (id) b.id = id;
  b.addEventListener('click', act(onClick));
  return b;
}

const q = encodeURIComponent;

function time(ms) {
  return ms > 0 ? new Date(ms).toISOString().replace('T', ' ').replace('Z', '') : '-';
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function rate(v) {
  return v === null || v === undefined ? '-' : v.toFixed(1);
}

// "now", "-15m" / "-2h" / "-1d" / "-30s", epoch millis, or "2026-12-02 18:00[:00]" in UTC, the
// zone every time on these pages is shown in.
function parseTime(text) {
  const s = text.trim();
  if (s === '' || s === 'now') return Date.now();
  const rel = /^-(\d+)([smhd])$/.exec(s);
  if (rel) return Date.now() - Number(rel[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[rel[2]];
  if (/^\d{12,14}$/.test(s)) return Number(s);
  const t = Date.parse(`${s.replace(' ', 'T')}Z`);
  if (Number.isNaN(t)) throw new Error(`not a time: "${s}" (try -1h, now or 2026-12-02 18:00)`);
  return t;
}

function duration(ms) {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${s % 60}s`;
}

// ---- pages ----

const pages = {
  cluster: loadCluster,
  topics: loadTopics,
  groups: loadGroups,
  producers: async () => {},
  messages: async () => {},
};

function show(page) {
  document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== `page-${page}`; });
  document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.page === page));
  act(pages[page])();
}

async function loadCluster() {
  const overview = await api('GET', '/api/overview');
  document.body.classList.toggle('read-only', overview.readOnly);
  $('#mode').textContent = overview.readOnly ? 'read-only' : '';
  const body = $('#brokers tbody');
  body.replaceChildren();
  for (const b of overview.brokers) {
    row(body, [b.cluster, b.brokerName, b.role, b.address, b.version, rate(b.putTps), rate(b.getTps),
      b.diskRatio === null ? '-' : `${(b.diskRatio * 100).toFixed(1)} %`,
      b.bootTimestamp > 0 ? duration(Date.now() - b.bootTimestamp) : '-',
      `${(b.commitLogMaxOffset / 1048576).toFixed(1)} MiB`]);
  }
  await drawChart();
}

async function drawChart() {
  const samples = await api('GET', '/api/throughput');
  const canvas = $('#chart');
  const g = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, pad = 30;
  g.clearRect(0, 0, w, h);
  const max = Math.max(1, ...samples.map((s) => Math.max(s.in, s.out)));
  g.strokeStyle = '#d8dee4';
  g.fillStyle = '#5b6773';
  g.font = '11px system-ui';
  g.beginPath(); g.moveTo(pad, 5); g.lineTo(pad, h - pad); g.lineTo(w - 5, h - pad); g.stroke();
  g.fillText(`${max}/s`, 2, 12);
  g.fillText('-15 min', pad, h - 10);
  g.fillText('now', w - 30, h - 10);
  const x = (i) => pad + ((w - pad - 5) * (900 - samples.length + i)) / 900;
  const y = (v) => h - pad - ((h - pad - 10) * v) / max;
  for (const [key, color] of [['in', '#2b7bb9'], ['out', '#d9822b']]) {
    g.strokeStyle = color;
    g.beginPath();
    samples.forEach((s, i) => (i === 0 ? g.moveTo(x(i), y(s[key])) : g.lineTo(x(i), y(s[key]))));
    g.stroke();
  }
  const last = samples[samples.length - 1];
  $('#chart-now').textContent = last ? `now: ${last.in} in/s, ${last.out} out/s` : 'no broker on this node';
  const peak = Math.max(0, ...samples.map((s) => Math.max(s.in, s.out)));
  $('#chart-peak').textContent = last ? `peak: ${peak} msg/s` : '';
}

async function loadTopics() {
  const topics = await api('GET', `/api/topic-table?system=${$('#topic-system').checked}`);
  const body = $('#topics tbody');
  body.replaceChildren();
  for (const t of topics) {
    const tr = document.createElement('tr');
    tr.dataset.topic = t.topic;
    const name = document.createElement('td');
    name.appendChild(link(t.topic, () => showTopic(t.topic)));
    tr.appendChild(name);
    [t.readQueues, t.writeQueues, t.perm, rate(t.putTps), t.messages].forEach((v) => cell(tr, v));
    const actions = document.createElement('td');
    actions.className = 'mutating';
    actions.appendChild(button('Delete', `delete-${t.topic}`, async () => {
      if (!window.confirm(`Delete topic ${t.topic} and its queues on every master?`)) return;
      await api('DELETE', `/api/topics?topic=${q(t.topic)}`);
      await loadTopics();
    }));
    tr.appendChild(actions);
    body.appendChild(tr);
  }
  return topics.map((t) => t.topic);
}

async function showTopic(topic) {
  const t = await api('GET', `/api/topic?topic=${q(topic)}`);
  const detail = $('#topic-detail');
  detail.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = `${t.topic}: ${t.queues.length} queues, ${t.messages} messages`;
  const table = document.createElement('table');
  table.innerHTML = '<thead><tr><th>Broker</th><th>Queue</th><th>Min offset</th><th>Max offset</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const x of t.queues) row(body, [x.broker, x.queueId, x.minOffset, x.maxOffset]);
  table.appendChild(body);
  detail.append(h, table);
}

async function loadGroups() {
  const groups = await api('GET', '/api/groups');
  const body = $('#groups tbody');
  body.replaceChildren();
  for (const g of groups) {
    const tr = document.createElement('tr');
    tr.dataset.group = g.group;
    const name = document.createElement('td');
    name.appendChild(link(g.group, () => showGroup(g.group)));
    tr.appendChild(name);
    [g.members, g.totalLag, rate(g.consumeTps)].forEach((v) => cell(tr, v));
    body.appendChild(tr);
  }
}

async function showGroup(group) {
  const g = await api('GET', `/api/group?group=${q(group)}`);
  $('#group-name').textContent = g.group;
  $('#group-lag').textContent = String(g.totalLag);
  $('#group-tps').textContent = rate(g.consumeTps);
  $('#group-model').textContent = g.online ? `${g.messageModel}, ${g.consumeType}, ${g.consumeFromWhere}` : 'not online';
  const members = $('#group-members tbody');
  members.replaceChildren();
  for (const m of g.members) row(members, [m.clientId, m.clientAddr, m.language, m.version]);
  const subs = $('#group-subscriptions tbody');
  subs.replaceChildren();
  for (const s of g.subscriptions) row(subs, [s.topic, s.expression]);
  const queues = $('#group-queues tbody');
  queues.replaceChildren();
  const sorted = [...g.queues].sort((a, b) =>
    a.topic.localeCompare(b.topic) || a.broker.localeCompare(b.broker) || a.queueId - b.queueId);
  for (const x of sorted) {
    row(queues, [x.topic, x.broker, x.queueId, x.brokerOffset, x.consumerOffset, x.lag, time(x.lastTimestamp)]);
  }
  const own = g.subscriptions.map((x) => x.topic).filter((t) => !t.startsWith('%RETRY%'));
  if (!$('#reset-topic').value && own.length > 0) $('#reset-topic').value = own[0];
  $('#group-detail').hidden = false;
  $('#group-detail').dataset.group = g.group;
  await loadDeadLetters(g.group);
}

async function loadDeadLetters(group) {
  const d = await api('GET', `/api/dlq?group=${q(group)}`);
  $('#dlq-topic').textContent = d.topic;
  const body = $('#dlq tbody');
  body.replaceChildren();
  for (const m of d.messages) {
    const actions = document.createElement('span');
    actions.append(
      button('View', null, () => showMessage(m.offsetMsgId)),
      button('Resend to origin', `dlq-resend-${m.offsetMsgId}`, async () => {
        const r = await api('POST', '/api/dlq/resend', { id: m.offsetMsgId });
        $('#dlq-result').textContent = `Sent a copy of ${m.offsetMsgId} to ${r.topic}: ${r.offsetMsgId}`;
      }));
    actions.querySelectorAll('button')[1].classList.add('mutating');
    row(body, [time(m.storeTimestamp), m.offsetMsgId, m.originTopic, m.keys, m.reconsumeTimes], actions);
  }
  $('#dlq-empty').hidden = d.messages.length > 0;
  $('#dlq').hidden = d.messages.length === 0;
}

function showFound(title, messages) {
  $('#found-title').textContent = title;
  const body = $('#found-table tbody');
  body.replaceChildren();
  for (const m of messages) {
    const tr = document.createElement('tr');
    cell(tr, time(m.storeTimestamp));
    const id = document.createElement('td');
    id.appendChild(link(m.offsetMsgId, () => showMessage(m.offsetMsgId)));
    tr.appendChild(id);
    [m.tags, m.keys, `${m.queueId} / ${m.queueOffset}`, m.bodySize].forEach((v) => cell(tr, v));
    body.appendChild(tr);
  }
  $('#found').hidden = false;
}

async function showMessage(id) {
  const m = await api('GET', `/api/message?id=${q(id)}`);
  show('messages');
  $('#find-id').value = id;
  $('#message-topic').textContent = m.topic;
  $('#message-ids').textContent = `${m.msgId} / ${m.offsetMsgId}`;
  $('#message-tags').textContent = `${m.tags || '-'} / ${m.keys || '-'}`;
  $('#message-queue').textContent = `${m.queueId} / ${m.queueOffset}`;
  $('#message-stored').textContent = `${time(m.bornTimestamp)} / ${time(m.storeTimestamp)}`;
  $('#message-retries').textContent = String(m.reconsumeTimes);
  $('#message-body-text').textContent = m.bodyText === null ? '(not UTF-8 text: see hex)' : m.bodyText;
  $('#message-body-hex').textContent = m.bodyHex;
  const props = $('#message-properties tbody');
  props.replaceChildren();
  for (const [k, v] of Object.entries(m.properties)) row(props, [k, v]);
  $('#trace-off').hidden = m.trace !== null;
  $('#trace-none').hidden = m.trace === null || m.trace.length > 0;
  $('#message-trace').hidden = m.trace === null || m.trace.length === 0;
  const trace = $('#message-trace tbody');
  trace.replaceChildren();
  for (const t of m.trace || []) {
    row(trace, [time(t.timestamp), t.type, t.group, t.topic || t.storeHost || t.requestId, t.costTime, t.success]);
  }
  $('#message-view').dataset.id = m.offsetMsgId;
  $('#resend-result').textContent = '';
  $('#message-view').hidden = false;
}

// ---- wiring ----

document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.page)));

$('#topic-form').addEventListener('submit', act(async () => {
  const name = $('#topic-name').value.trim();
  await api('POST', '/api/topics', { topic: name, queues: Number($('#topic-queues').value), perm: $('#topic-perm').value });
  $('#topic-name').value = '';
  // Brokers register a new topic with the name servers within moments: list again until it shows.
  for (let i = 0; i < 20; i++) {
    const topics = await loadTopics();
    if (topics.includes(name)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`topic ${name} was created on the brokers but the name servers do not list it yet`);
}));
$('#topic-system').addEventListener('change', act(loadTopics));

$('#group-refresh').addEventListener('click', act(async () => {
  await loadGroups();
  await showGroup($('#group-detail').dataset.group);
}));

$('#reset-form').addEventListener('submit', act(async () => {
  const group = $('#group-detail').dataset.group;
  const timestamp = parseTime($('#reset-time').value);
  const r = await api('POST', '/api/group/reset-offset', { group, topic: $('#reset-topic').value.trim(), timestamp });
  $('#reset-result').textContent =
    `Reset ${r.queues.length} queues of ${r.topic} to ${time(r.timestamp)}: ` + r.queues.map((x) => `${x.broker}/${x.queueId}→${x.offset}`).join(', ');
  await showGroup(group);
}));

$('#lag-form').addEventListener('submit', act(async () => {
  const lag = await api('GET', `/api/lag?group=${q($('#lag-group').value)}&topic=${q($('#lag-topic').value)}`);
  $('#lag-total').textContent = String(lag.totalLag);
  const body = $('#lag-table tbody');
  body.replaceChildren();
  for (const x of lag.queues) row(body, [x.broker, x.queueId, x.brokerOffset, x.consumerOffset, x.lag]);
}));

$('#producer-form').addEventListener('submit', act(async () => {
  const list = await api('GET', `/api/producers?group=${q($('#producer-group').value.trim())}`);
  const body = $('#producers tbody');
  body.replaceChildren();
  for (const p of list) row(body, [p.broker, p.clientId, p.clientAddr, p.language, p.version]);
  $('#producers-empty').hidden = list.length > 0;
}));

$('#find-form').addEventListener('submit', act(() => showMessage($('#find-id').value.trim())));

$('#key-form').addEventListener('submit', act(async () => {
  const topic = $('#key-topic').value.trim(), key = $('#key-key').value.trim();
  const list = await api('GET', `/api/messages/by-key?topic=${q(topic)}&key=${q(key)}`);
  showFound(`${count(list.length, 'message')} of ${topic} with key ${key}`, list);
}));

$('#time-form').addEventListener('submit', act(async () => {
  const topic = $('#time-topic').value.trim();
  const begin = parseTime($('#time-begin').value), end = parseTime($('#time-end').value);
  const page = await api('GET', `/api/messages/by-time?topic=${q(topic)}&begin=${begin}&end=${end}&limit=100`);
  showFound(`${count(page.messages.length, 'message')}${page.truncated ? ' (the first 100; there are more)' : ''} of ${topic} stored ${time(begin)} to ${time(end)}`, page.messages);
}));

$('#resend-form').addEventListener('submit', act(async () => {
  const r = await api('POST', '/api/messages/resend', {
    id: $('#message-view').dataset.id, group: $('#resend-group').value.trim(), clientId: $('#resend-client').value.trim(),
  });
  $('#resend-result').textContent = `${r.clientId}: ${r.consumeResult}${r.remark ? ' (' + r.remark + ')' : ''} in ${r.spentTimeMillis} ms`;
}));

$('#send-form').addEventListener('submit', act(async () => {
  const r = await api('POST', '/api/messages', {
    topic: $('#send-topic').value, tags: $('#send-tags').value, keys: $('#send-keys').value, body: $('#send-body').value,
  });
  $('#sent-id').textContent = r.offsetMsgId;
  $('#send-result').hidden = false;
}));
$('#sent-find').addEventListener('click', act(() => showMessage($('#sent-id').textContent)));

setInterval(() => {
  if (!$('#page-cluster').hidden) drawChart().catch(showError);
}, 2000);

show('cluster');
