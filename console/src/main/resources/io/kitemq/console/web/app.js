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

// Runs an action triggered by the person; its failure is shown, never swallowed.
function act(fn) {
  return async (event) => {
    if (event) event.preventDefault();
    clearError();
    try {
      await fn(event);
    } catch (e) {
      showError(e);
    }
  };
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
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
  groups: async () => {},
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
    const row = document.createElement('tr');
    cell(row, b.cluster);
    cell(row, b.brokerName);
    cell(row, b.role);
    cell(row, b.address);
    cell(row, b.version);
    cell(row, b.bootTimestamp > 0 ? duration(Date.now() - b.bootTimestamp) : '');
    cell(row, `${(b.commitLogMaxOffset / 1048576).toFixed(1)} MiB`);
    body.appendChild(row);
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
  const topics = await api('GET', `/api/topics?system=${$('#topic-system').checked}`);
  const list = $('#topics');
  list.replaceChildren();
  for (const t of topics) {
    const li = document.createElement('li');
    li.dataset.topic = t;
    const a = document.createElement('a');
    a.textContent = t;
    a.addEventListener('click', act(() => showTopic(t)));
    const del = document.createElement('button');
    del.textContent = 'Delete';
    del.className = 'delete';
    del.id = `delete-${t}`;
    del.addEventListener('click', act(async () => {
      if (!window.confirm(`Delete topic ${t} and its messages' queues on every master?`)) return;
      await api('DELETE', `/api/topics?topic=${encodeURIComponent(t)}`);
      await loadTopics();
    }));
    li.append(a, del);
    list.appendChild(li);
  }
  return topics;
}

async function showTopic(topic) {
  const t = await api('GET', `/api/topic?topic=${encodeURIComponent(topic)}`);
  const detail = $('#topic-detail');
  detail.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = `${t.topic}: ${t.queues.length} queues, ${t.messages} messages`;
  const table = document.createElement('table');
  table.innerHTML = '<thead><tr><th>Broker</th><th>Queue</th><th>Min offset</th><th>Max offset</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const q of t.queues) {
    const row = document.createElement('tr');
    [q.broker, q.queueId, q.minOffset, q.maxOffset].forEach((v) => cell(row, v));
    body.appendChild(row);
  }
  table.appendChild(body);
  detail.append(h, table);
}

async function findMessage(id) {
  const m = await api('GET', `/api/message?id=${encodeURIComponent(id)}`);
  $('#message-topic').textContent = m.topic;
  $('#message-tags').textContent = `${m.tags || '-'} / ${m.keys || '-'}`;
  $('#message-queue').textContent = `${m.queueId} / ${m.queueOffset}`;
  $('#message-stored').textContent = new Date(m.storeTimestamp).toISOString();
  $('#message-body-text').textContent = m.bodyText === null ? '(not UTF-8 text: see hex)' : m.bodyText;
  $('#message-body-hex').textContent = m.bodyHex;
  const props = $('#message-properties tbody');
  props.replaceChildren();
  for (const [k, v] of Object.entries(m.properties)) {
    const row = document.createElement('tr');
    cell(row, k);
    cell(row, v);
    props.appendChild(row);
  }
  $('#message-view').hidden = false;
}

// ---- wiring ----

document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.page)));

$('#topic-form').addEventListener('submit', act(async () => {
  const name = $('#topic-name').value.trim();
  await api('POST', '/api/topics', { topic: name, queues: Number($('#topic-queues').value) });
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

$('#lag-form').addEventListener('submit', act(async () => {
  const lag = await api('GET', `/api/lag?group=${encodeURIComponent($('#lag-group').value)}&topic=${encodeURIComponent($('#lag-topic').value)}`);
  $('#lag-total').textContent = String(lag.totalLag);
  const body = $('#lag-table tbody');
  body.replaceChildren();
  for (const q of lag.queues) {
    const row = document.createElement('tr');
    [q.broker, q.queueId, q.brokerOffset, q.consumerOffset, q.lag].forEach((v) => cell(row, v));
    body.appendChild(row);
  }
}));

$('#find-form').addEventListener('submit', act(() => findMessage($('#find-id').value.trim())));

$('#send-form').addEventListener('submit', act(async () => {
  const r = await api('POST', '/api/messages', {
    topic: $('#send-topic').value, tags: $('#send-tags').value, keys: $('#send-keys').value, body: $('#send-body').value,
  });
  $('#sent-id').textContent = r.offsetMsgId;
  $('#send-result').hidden = false;
}));
$('#sent-find').addEventListener('click', act(async () => {
  $('#find-id').value = $('#sent-id').textContent;
  await findMessage($('#sent-id').textContent);
}));

setInterval(() => {
  if (!$('#page-cluster').hidden) drawChart().catch(showError);
}, 2000);

show('cluster');
