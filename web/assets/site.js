// Marquee's one script. Every page works without it; it only enhances:
// - votes go to the JSON API without a reload, updating the buttons and the count;
// - spoilers fold behind a real button; "Read more" expands a card in place;
// - the review form shows live quality hints (POST /api/v1/reviews/check, debounced) and offers
//   "Remove repeated paragraphs".
// Its strings come from <body data-strings> (src/http/web/strings.ts); user text is only ever set
// with textContent.
(function () {
  'use strict';
  var S = {};
  try { S = JSON.parse(document.body.getAttribute('data-strings') || '{}'); } catch (e) { /* keep defaults */ }

  function api(method, url, body) {
    var init = { method: method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      if (res.status === 401) {
        location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
        throw new Error('unauthenticated');
      }
      return res.json().then(function (json) {
        if (!res.ok) throw new Error((json && json.error && json.error.message) || S.failed);
        return json;
      });
    });
  }

  function countText(yes, total) {
    var tpl = total === 1 ? S.helpfulOne : S.helpfulMany;
    return String(tpl).replace('{yes}', yes.toLocaleString('en')).replace('{total}', total.toLocaleString('en'));
  }

  // Votes ---------------------------------------------------------------------------------------
  function setPressed(form, mine) {
    var buttons = form.querySelectorAll('button[data-helpful]');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var which = b.getAttribute('data-helpful');
      var pressed = (which === 'yes' && mine === true) || (which === 'no' && mine === false);
      b.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      b.value = pressed ? 'clear' : which;
    }
  }

  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-vote')) return;
    var button = ev.submitter;
    if (!button || !button.getAttribute('data-helpful')) return;
    ev.preventDefault();
    var id = form.getAttribute('data-vote');
    var value = button.value;
    var url = '/api/v1/reviews/' + encodeURIComponent(id) + '/vote';
    var request = value === 'clear' ? api('DELETE', url) : api('PUT', url, { helpful: value === 'yes' });
    var buttons = form.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    request
      .then(function (res) {
        setPressed(form, res.my_vote);
        var count = document.getElementById('hc-' + id);
        if (count) count.textContent = countText(res.helpful.yes, res.helpful.yes + res.helpful.no);
      })
      .catch(function (err) {
        if (err.message !== 'unauthenticated') alert(err.message || S.failed);
      })
      .then(function () {
        for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
        button.focus();
      });
  });

  // Spoilers: a real button (aria-expanded) instead of <summary> --------------------------------
  function enhanceSpoilers(root) {
    var all = root.querySelectorAll('details.spoiler');
    for (var i = 0; i < all.length; i++) {
      (function (details) {
        var summary = details.querySelector('summary');
        var wrap = document.createElement('div');
        wrap.className = 'spoiler';
        var content = document.createElement('div');
        content.hidden = true;
        content.id = 'sp-' + details.getAttribute('data-spoiler');
        while (details.firstChild) {
          if (details.firstChild === summary) details.removeChild(summary);
          else content.appendChild(details.firstChild);
        }
        var btn = document.createElement('button');
        btn.type = 'button';
        btn.className = 'spoiler-toggle';
        btn.setAttribute('aria-expanded', 'false');
        btn.setAttribute('aria-controls', content.id);
        btn.textContent = S.spoilerShow;
        btn.addEventListener('click', function () {
          var open = content.hidden;
          content.hidden = !open;
          btn.setAttribute('aria-expanded', open ? 'true' : 'false');
          btn.textContent = open ? S.spoilerHide : S.spoilerShow;
        });
        wrap.appendChild(btn);
        wrap.appendChild(content);
        details.parentNode.replaceChild(wrap, details);
      })(all[i]);
    }
  }
  enhanceSpoilers(document);

  // A form sent back with errors: move focus to the list of problems.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // Read more: fetch the whole review and show it in place ----------------------------------------
  // Paragraphs are the non-blank lines; mention links (issue 6) as in review-body.tsx: spans are UTF-16
  // offsets into the body, the same unit as JavaScript string indices. Text only via textContent.
  function appendParagraphs(target, text, mentions) {
    var at = 0;
    text.split('\n').forEach(function (piece) {
      var line = piece.charAt(piece.length - 1) === '\r' ? piece.slice(0, -1) : piece;
      var trimmed = line.trim();
      var start = at + (line.length - line.replace(/^\s+/, '').length);
      at += piece.length + 1;
      if (!trimmed) return;
      var p = document.createElement('p');
      var pos = start;
      var end = start + trimmed.length;
      mentions.forEach(function (m) {
        if (m.start < pos || m.end > end || m.end <= m.start) return;
        if (m.start > pos) p.appendChild(document.createTextNode(text.slice(pos, m.start)));
        var a = document.createElement('a');
        a.className = 'mention';
        a.href = '/' + (m.type === 'title' ? 'titles' : 'people') + '/' + encodeURIComponent(m.slug);
        if (m.name !== text.slice(m.start, m.end)) a.title = m.name;
        a.textContent = text.slice(m.start, m.end);
        p.appendChild(a);
        pos = m.end;
      });
      if (pos < end) p.appendChild(document.createTextNode(text.slice(pos, end)));
      target.appendChild(p);
    });
  }

  document.addEventListener('click', function (ev) {
    var link = ev.target instanceof Element ? ev.target.closest('a[data-read-more]') : null;
    if (!link || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    var id = link.getAttribute('data-read-more');
    api('GET', '/api/v1/reviews/' + encodeURIComponent(id))
      .then(function (res) {
        var body = document.getElementById('rb-' + id);
        if (!body) return;
        while (body.firstChild) body.removeChild(body.firstChild);
        appendParagraphs(body, res.review.body, res.review.mentions || []);
        var holder = link.parentNode;
        holder.parentNode.removeChild(holder);
        body.tabIndex = -1;
        body.focus();
      })
      .catch(function () {
        location.href = link.href;
      });
  });

  // Live writing hints ----------------------------------------------------------------------------
  var form = document.querySelector('form[data-check]');
  if (form) {
    var headline = form.querySelector('[name=headline]');
    var body = form.querySelector('textarea[name=body]');
    var hints = document.getElementById('hints');
    var timer = 0;
    var seq = 0;
    var render = function (quality) {
      while (hints.firstChild) hints.removeChild(hints.firstChild);
      var warnings = quality.warnings || [];
      hints.classList.toggle('has-warnings', warnings.length > 0);
      if (!warnings.length) {
        var none = document.createElement('p');
        none.textContent = S.noHints;
        hints.appendChild(none);
        return;
      }
      var ul = document.createElement('ul');
      warnings.forEach(function (w) {
        var li = document.createElement('li');
        li.textContent = w.message;
        ul.appendChild(li);
      });
      hints.appendChild(ul);
      if (quality.suggested_body !== null && quality.suggested_body !== undefined) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = S.removeRepeats;
        b.addEventListener('click', function () {
          body.value = quality.suggested_body;
          body.focus();
          check();
        });
        hints.appendChild(b);
      }
    };
    var check = function () {
      var mine = ++seq;
      api('POST', '/api/v1/reviews/check', { headline: headline.value.slice(0, 120), body: body.value.slice(0, 20000) })
        .then(function (res) {
          if (mine === seq) render(res.quality);
        })
        .catch(function () { /* hints are a help; a failed check changes nothing */ });
    };
    var schedule = function () {
      clearTimeout(timer);
      timer = setTimeout(check, 500);
    };
    headline.addEventListener('input', schedule);
    body.addEventListener('input', schedule);
    // The server-rendered "Remove repeated paragraphs" submit button works without a round trip.
    form.addEventListener('click', function (ev) {
      var t = ev.target;
      if (t instanceof HTMLButtonElement && t.name === 'action' && t.value === 'check') {
        ev.preventDefault();
        check();
        return;
      }
      if (t instanceof HTMLButtonElement && t.name === 'action' && t.value === 'remove_repeats') {
        ev.preventDefault();
        api('POST', '/api/v1/reviews/check', { headline: headline.value.slice(0, 120), body: body.value.slice(0, 20000) }).then(function (res) {
          if (res.quality.suggested_body !== null) body.value = res.quality.suggested_body;
          body.focus();
          check();
        });
      }
    });
  }
  // Search suggestions: the header box becomes a combobox with a listbox of titles and people
  // (GET /api/v1/search/suggest); arrows move, Enter opens, Escape closes. Without the script the
  // box simply submits to /search.
  var box = document.getElementById('site-q');
  if (box) {
    var list = document.createElement('ul');
    var status = document.createElement('span');
    var items = [];
    var active = -1;
    var seq = 0;
    var timer = 0;
    list.id = 'site-q-list';
    list.className = 'suggest';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', S.suggestions || 'Suggestions');
    list.hidden = true;
    status.className = 'vh';
    status.setAttribute('role', 'status');
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-expanded', 'false');
    box.setAttribute('aria-controls', list.id);
    box.parentNode.appendChild(list);
    box.parentNode.appendChild(status);
    var close = function () {
      list.hidden = true;
      active = -1;
      box.setAttribute('aria-expanded', 'false');
      box.removeAttribute('aria-activedescendant');
    };
    var mark = function (i) {
      active = i;
      for (var k = 0; k < items.length; k++) items[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      if (i >= 0) {
        box.setAttribute('aria-activedescendant', items[i].id);
        items[i].scrollIntoView({ block: 'nearest' });
      } else box.removeAttribute('aria-activedescendant');
    };
    var show = function (res) {
      list.textContent = '';
      items = [];
      var add = function (href, name, detail) {
        var li = document.createElement('li');
        li.id = 'site-q-opt-' + items.length;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-href', href);
        li.textContent = name;
        if (detail) {
          var d = document.createElement('span');
          d.className = 'muted';
          d.textContent = detail;
          li.appendChild(d);
        }
        list.appendChild(li);
        items.push(li);
      };
      res.titles.forEach(function (x) {
        add('/titles/' + encodeURIComponent(x.slug), x.name, [x.original_name !== x.name ? x.original_name : '', x.year].filter(Boolean).join(' · '));
      });
      res.people.forEach(function (x) {
        add('/people/' + encodeURIComponent(x.slug), x.name, x.original_name !== x.name ? x.original_name : '');
      });
      active = -1;
      list.hidden = items.length === 0;
      box.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      status.textContent = String(S.suggestCount || '{n} suggestions').replace('{n}', String(items.length));
    };
    box.addEventListener('input', function () {
      clearTimeout(timer);
      var q = box.value.trim();
      if (!q || q.length > 200) return close();
      timer = setTimeout(function () {
        var mine = ++seq;
        api('GET', '/api/v1/search/suggest?q=' + encodeURIComponent(q))
          .then(function (res) { if (mine === seq && box.value.trim() === q) show(res); })
          .catch(function () { /* suggestions are a help; the form still submits */ });
      }, 150);
    });
    box.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        if (list.hidden || !items.length) return;
        ev.preventDefault();
        var n = items.length;
        mark(ev.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
      } else if (ev.key === 'Enter' && active >= 0 && !list.hidden) {
        ev.preventDefault();
        location.href = items[active].getAttribute('data-href');
      } else if (ev.key === 'Escape' && !list.hidden) {
        ev.preventDefault();
        close();
      }
    });
    box.addEventListener('blur', function () { setTimeout(close, 150); });
    list.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
    list.addEventListener('click', function (ev) {
      var li = ev.target instanceof Element ? ev.target.closest('[data-href]') : null;
      if (li) location.href = li.getAttribute('data-href');
    });
  }
})();
