// The live session page: listen to /api/sessions/{id}/events and update the page in place.
// Turns are added or replaced by index (a turn still being captioned grows), speaking-time
// bars are recounted from the turns on the page, and the badge follows the session's state.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root || !window.EventSource) return;
  var sid = root.dataset.session;
  var wpm = parseFloat(root.dataset.wpm) || 150;
  var list = document.getElementById("live-turns-list");
  var badge = document.getElementById("live-badge");
  if (root.dataset.state !== "live") return;

  function text(tag, cls, value) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value;
    return el;
  }

  function renderTurn(t) {
    var li = document.createElement("li");
    li.className = "live-turn" + (t.kind === "note" ? " note" : "");
    li.id = "T" + t.line;
    li.dataset.index = t.index;
    li.dataset.who = t.speaker || t.label || "";
    li.dataset.words = t.kind === "speech" ? t.words : 0;
    var ln = text("a", "ln", String(t.line));
    ln.href = "/sessions/" + sid + "#L" + t.line;
    li.appendChild(ln);
    li.appendChild(document.createTextNode(" "));
    if (t.speaker || t.label) {
      li.appendChild(text("strong", "who", t.speaker || t.label));
      li.appendChild(document.createTextNode(" "));
    }
    li.appendChild(text("span", "text", t.text));
    return li;
  }

  function placeTurn(t) {
    var fresh = renderTurn(t);
    var old = list.querySelector('li[data-index="' + t.index + '"]');
    if (old) { list.replaceChild(fresh, old); return; }
    var items = list.children;
    for (var i = 0; i < items.length; i++) {
      if (parseInt(items[i].dataset.index, 10) > t.index) { list.insertBefore(fresh, items[i]); return; }
    }
    list.appendChild(fresh);
    fresh.classList.add("arrived");
  }

  function bar(share) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "bar"); svg.setAttribute("width", "180"); svg.setAttribute("height", "12");
    var rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", "0"); rect.setAttribute("y", "1"); rect.setAttribute("height", "10"); rect.setAttribute("rx", "2");
    rect.setAttribute("width", (share * 180).toFixed(1));
    svg.appendChild(rect);
    return svg;
  }

  function recountSpeakers() {
    var words = {}, order = [];
    Array.prototype.forEach.call(list.children, function (li) {
      var who = li.dataset.who, n = parseInt(li.dataset.words, 10) || 0;
      if (!n && !(who in words)) return;
      if (!(who in words)) { words[who] = 0; order.push(who); }
      words[who] += n;
    });
    order.sort(function (a, b) { return words[b] - words[a]; });
    var top = order.length ? words[order[0]] || 1 : 1;
    var body = document.getElementById("live-speakers");
    body.textContent = "";
    order.forEach(function (who) {
      var tr = document.createElement("tr");
      tr.appendChild(text("td", "", who || "unnamed speaker"));
      tr.appendChild(text("td", "num", (words[who] / wpm).toFixed(1) + " min"));
      var cell = document.createElement("td");
      cell.appendChild(bar(words[who] / top));
      tr.appendChild(cell);
      body.appendChild(tr);
    });
  }

  function showQuestions(questions) {
    var ul = document.getElementById("live-questions");
    ul.textContent = "";
    if (!questions.length) {
      ul.appendChild(text("li", "muted", "None detected yet (the analysis runs every few seconds while live)."));
    }
    questions.forEach(function (q) {
      var li = document.createElement("li");
      li.className = "q-" + q.status;
      li.appendChild(text("span", "status", q.status));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(text("strong", "", q.by || "unnamed"));
      li.appendChild(document.createTextNode((q.to ? " to " + q.to : "") + ": “" + q.text + "” "));
      var a = text("a", "cite", "line " + q.line);
      a.href = "#T" + q.line;
      li.appendChild(a);
      ul.appendChild(li);
    });
  }

  function setBadge(state) {
    if (!badge) return;
    badge.className = "live-badge" + (state.state !== "live" ? " finished" : state.following ? "" : " paused");
    badge.textContent = state.state !== "live" ? "finished" : state.following ? "live" : "paused";
  }

  var source = new EventSource("/api/sessions/" + encodeURIComponent(sid) + "/events?after=" + root.dataset.after);
  source.addEventListener("turn", function (e) { placeTurn(JSON.parse(e.data)); recountSpeakers(); });
  source.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    document.getElementById("live-turns").textContent = s.turns;
    document.getElementById("live-words").textContent = s.words;
    while (list.lastElementChild && parseInt(list.lastElementChild.dataset.index, 10) >= s.turns) {
      list.removeChild(list.lastElementChild);  // the source was rewritten shorter
    }
    setBadge(s);
  });
  source.addEventListener("questions", function (e) { showQuestions(JSON.parse(e.data)); });
  source.addEventListener("end", function (e) {
    setBadge(JSON.parse(e.data));
    var note = document.getElementById("live-note");
    note.textContent = "The session has ended; its full, analysed record is on the session page.";
    source.close();
  });
})();
