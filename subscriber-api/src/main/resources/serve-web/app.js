// storywire live desk: the story list from /api/stories, kept current by the /api/stream server-sent events.
(function () {
  'use strict';
  const stories = new Map();          // id -> summary
  const fresh = new Map();            // id -> change type of the last event, for a moment
  const received = new Map();         // id -> when this page last received a change of it
  let source = null;
  let selected = null;
  const $ = (id) => document.getElementById(id);

  function filters() {
    const params = new URLSearchParams();
    for (const name of ['q', 'topic', 'provider']) {
      const value = $('f-' + name).value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function ago(iso) {
    if (!iso) return 'no date';
    const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
    const units = [[31536000, 'y'], [2592000, 'mo'], [86400, 'd'], [3600, 'h'], [60, 'm']];
    for (const [size, unit] of units) if (seconds >= size) return Math.floor(seconds / size) + unit + ' ago';
    return seconds < 5 ? 'just now' : Math.floor(seconds) + 's ago';
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function card(story) {
    const li = el('li', 'story-card');
    li.dataset.storyId = story.id;
    if (story.id === selected) li.classList.add('selected');
    const change = fresh.get(story.id);
    if (change) li.classList.add('fresh');
    const top = el('div', 'story-top');
    const headline = el('div', 'story-headline', story.headline);
    if (change) { headline.append(' '); headline.append(el('span', 'badge ' + change, change)); }
    const size = el('div', 'size', String(story.size));
    size.append(el('small', null, story.size === 1 ? 'article' : 'articles'));
    top.append(headline, size);
    const meta = el('div', 'story-meta');
    meta.append(el('span', 'providers', story.providers.join(' · ') || 'unknown provider'));
    const updated = el('span', 'updated', 'updated ' + ago(story.lastUpdated));
    updated.title = 'last update ' + story.lastUpdated + ', first seen ' + story.firstSeen;
    meta.append(updated);
    if (received.has(story.id)) meta.append(el('span', 'changed', 'changed ' + ago(received.get(story.id))));
    const chips = el('div', 'chips');
    story.topics.slice(0, 6).forEach((topic) => {
      const chip = el('span', 'chip', topic);
      chip.addEventListener('click', (event) => { event.stopPropagation(); $('f-topic').value = topic; reload(); });
      chips.append(chip);
    });
    li.append(top, meta, chips);
    li.addEventListener('click', () => openStory(story.id));
    return li;
  }

  function render() {
    const list = $('stories');
    const sorted = [...stories.values()].sort((a, b) =>
      (Date.parse(b.lastUpdated) || 0) - (Date.parse(a.lastUpdated) || 0) || a.id.localeCompare(b.id));
    list.replaceChildren(...sorted.map(card));
    $('empty').hidden = sorted.length > 0;
    $('story-count').textContent = sorted.length ? '(' + sorted.length + ')' : '';
  }

  async function reload() {
    const params = filters();
    params.set('limit', '200');
    const response = await fetch('/api/stories?' + params);
    const body = await response.json();
    stories.clear();
    if (response.ok) body.stories.forEach((s) => stories.set(s.id, s));
    render();
    connect();
  }

  function connect() {
    if (source) source.close();
    const status = $('connection');
    source = new EventSource('/api/stream?' + filters());
    source.onopen = () => { status.className = 'connection live'; $('connection-text').textContent = 'live'; };
    source.onerror = () => { status.className = 'connection offline'; $('connection-text').textContent = 'reconnecting'; };
    for (const type of ['created', 'grown', 'updated']) {
      source.addEventListener(type, (event) => {
        const change = JSON.parse(event.data);
        stories.set(change.storyId, change.story);
        mark(change.storyId, type);
        log(type, change.story.headline);
        if (selected === change.storyId) openStory(change.storyId, true);
      });
    }
    source.addEventListener('merged', (event) => {
      const change = JSON.parse(event.data);
      const gone = stories.get(change.storyId);
      stories.delete(change.storyId);
      log('merged', (gone ? gone.headline : change.storyId) + (change.mergedInto ? ' → ' + change.mergedInto : ''));
      if (selected === change.storyId && change.mergedInto) openStory(change.mergedInto, true);
      render();
    });
  }

  function mark(id, type) {
    fresh.set(id, type);
    received.set(id, new Date().toISOString());
    render();
    setTimeout(() => { if (fresh.get(id) === type) { fresh.delete(id); render(); } }, 6000);
  }

  function log(type, text) {
    const item = el('li');
    item.append(el('time', null, new Date().toLocaleTimeString()), el('span', 'badge ' + type, type), ' ' + text);
    const events = $('events');
    events.prepend(item);
    while (events.children.length > 60) events.lastChild.remove();
  }

  async function openStory(id, quietly) {
    const response = await fetch('/api/stories/' + encodeURIComponent(id));
    if (!response.ok) return;
    const story = await response.json();
    selected = story.id;
    const body = $('detail-body');
    const title = el('h2', null, story.headline);
    const meta = el('div', 'story-meta');
    meta.append(el('span', 'providers', story.providers.join(' · ')),
      el('span', null, story.size + (story.size === 1 ? ' article' : ' articles')),
      el('span', null, 'first seen ' + new Date(story.firstSeen).toLocaleString()),
      el('span', null, 'updated ' + ago(story.lastUpdated)));
    const chips = el('div', 'chips');
    story.topics.forEach((t) => chips.append(el('span', 'chip', t)));
    const list = el('ol', 'articles');
    story.articles.forEach((a) => list.append(article(a)));
    body.replaceChildren(title, meta, chips, list);
    $('story-detail').hidden = false;
    if (!quietly) render();
  }

  function article(a) {
    const li = el('li', 'article');
    li.dataset.articleId = a.id;
    const title = el('div', 'article-title');
    title.append(el('span', 'role ' + a.role, a.role));
    const link = el('a', null, a.title || a.url);
    link.href = a.url; link.target = '_blank'; link.rel = 'noopener';
    title.append(link);
    const meta = el('div', 'article-meta', (a.provider || '') + (a.publishedAt ? ' · ' + new Date(a.publishedAt).toLocaleString() : ''));
    li.append(title, meta);
    if (a.excerpt) li.append(el('div', 'excerpt', a.excerpt));
    if (a.related && a.related.length) {
      const related = el('ul', 'related');
      a.related.slice(0, 5).forEach((r) => {
        const item = el('li');
        const link2 = el('a', null, r.title || r.url);
        link2.href = r.url; link2.target = '_blank'; link2.rel = 'noopener';
        item.append(link2);
        if (r.storyId && r.storyId !== selected) {
          const jump = el('a', null, ' (story)');
          jump.href = '#'; jump.addEventListener('click', (e) => { e.preventDefault(); openStory(r.storyId); });
          item.append(jump);
        }
        related.append(item);
      });
      li.append(related);
    }
    return li;
  }

  async function refreshLag() {
    try {
      const response = await fetch('/api/lag');
      const report = await response.json();
      const rows = (report.groups || []).map((g) => {
        const tr = el('tr');
        tr.append(el('td', null, g.group), el('td', 'status ' + g.status, g.status),
          el('td', 'num', String(g.lag)), el('td', 'num', Number(g.lagSeconds).toFixed(1)));
        return tr;
      });
      document.querySelector('#lag-table tbody').replaceChildren(...rows);
      $('lag-note').textContent = rows.length ? 'sampled ' + new Date().toLocaleTimeString() : 'no groups configured';
    } catch (e) {
      $('lag-note').textContent = 'lag unavailable';
    }
  }

  $('filters').addEventListener('submit', (event) => { event.preventDefault(); reload(); });
  $('close-detail').addEventListener('click', () => { $('story-detail').hidden = true; selected = null; render(); });
  setInterval(render, 15000);   // keeps "updated/changed ... ago" current
  setInterval(refreshLag, 5000);
  refreshLag();
  reload();
})();
