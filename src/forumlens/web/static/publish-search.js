// Search of a static copy of the record (`forumlens publish`), in the browser, over the
// published index (see src/forumlens/publish/index.py for its files and format).
// Index files are loaded as <script> tags, not fetch(): browsers refuse fetch() of a
// file:// URL, so this is what lets the site search when opened from disk as well.
// Words are folded exactly as the index folds them: NFKD, nonspacing marks dropped,
// lower case, final sigma as sigma, split on anything not a letter or a digit.
(function () {
  "use strict";

  var PER_PAGE = 20;
  var CONTEXT_BEFORE = 12; // words of a snippet before the first match
  var CONTEXT_AFTER = 30;
  var script = document.currentScript;
  var root = new URL("../", script.src); // this file is static/publish-search.js
  var base = new URL("search/", root);
  var waiting = {};
  var loaded = {};

  function settle(name, value) {
    var w = waiting[name];
    if (w) {
      delete waiting[name];
      w.resolve(value);
    }
  }

  window.forumlensIndex = {
    meta: function (value) { settle("meta.js", value); },
    terms: function (key, value) { settle("t-" + key + ".js", value); },
    docs: function (n, value) { settle("d-" + n + ".js", value); },
  };

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        waiting[name] = { resolve: resolve };
        var tag = document.createElement("script");
        tag.src = new URL(name, base).href;
        tag.onerror = function () {
          delete waiting[name];
          reject(new Error("the search index file search/" + name + " could not be loaded"));
        };
        tag.onload = function () {
          if (waiting[name]) {
            delete waiting[name];
            reject(new Error("the search index file search/" + name + " is damaged"));
          }
        };
        document.head.appendChild(tag);
      });
    }
    return loaded[name];
  }

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase().replace(/ς/g, "σ");
  }

  function words(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  function shardKey(term) {
    return Array.from(term).slice(0, 2).map(function (ch) {
      return /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16);
    }).join("");
  }

  // The query: every word must match, word* is a prefix, -word excludes; quotes and
  // brackets are not operators here, and one-letter words and stopwords are not indexed.
  function parse(query, stop) {
    var parsed = { include: [], exclude: [], ignored: [] };
    query.split(/\s+/).forEach(function (raw) {
      var token = raw.replace(/^["'“”‘’(]+|["'“”‘’)]+$/g, "");
      if (!token || token === "OR" || token === "AND" || token === "NOT") return;
      var negative = token.length > 1 && token[0] === "-";
      if (negative) token = token.slice(1);
      var prefix = /\*+$/.test(token);
      var parts = words(token.replace(/\*+$/, ""));
      parts.forEach(function (word, i) {
        var isPrefix = prefix && i === parts.length - 1;
        if (word.length < 2 || (!isPrefix && stop.has(word))) {
          parsed.ignored.push(word);
          return;
        }
        (negative ? parsed.exclude : parsed.include).push({ word: word, prefix: isPrefix });
      });
    });
    return parsed;
  }

  function decode(list) {
    var out = new Map();
    var last = 0;
    list.split(",").forEach(function (entry) {
      var colon = entry.indexOf(":");
      last += parseInt(colon < 0 ? entry : entry.slice(0, colon), 36);
      out.set(last, colon < 0 ? 1 : parseInt(entry.slice(colon + 1), 36));
    });
    return out;
  }

  // Turn number → times the word (or any word with the prefix) occurs in it.
  function postings(meta, item) {
    var key = shardKey(item.word);
    if (meta.shards.indexOf(key) < 0) return Promise.resolve(new Map());
    return load("t-" + key + ".js").then(function (terms) {
      if (!item.prefix) return terms[item.word] ? decode(terms[item.word]) : new Map();
      var merged = new Map();
      Object.keys(terms).forEach(function (term) {
        if (term.indexOf(item.word) !== 0) return;
        decode(terms[term]).forEach(function (tf, turn) { merged.set(turn, (merged.get(turn) || 0) + tf); });
      });
      return merged;
    });
  }

  // Turns with every included word and none excluded, best first: the rarer the word and
  // the more often it occurs in the turn, the higher (idf × (1 + ln tf), summed).
  function rank(meta, include, exclude) {
    return Promise.all(include.concat(exclude).map(function (item) { return postings(meta, item); })).then(function (lists) {
      var wanted = lists.slice(0, include.length);
      var unwanted = lists.slice(include.length);
      var order = wanted.map(function (_, i) { return i; }).sort(function (a, b) { return wanted[a].size - wanted[b].size; });
      var scores = [];
      wanted[order[0]].forEach(function (_, turn) {
        var score = 0;
        for (var i = 0; i < wanted.length; i++) {
          var tf = wanted[i].get(turn);
          if (!tf) return;
          score += Math.log(1 + meta.turns / wanted[i].size) * (1 + Math.log(tf));
        }
        for (var j = 0; j < unwanted.length; j++) if (unwanted[j].has(turn)) return;
        scores.push([turn, score]);
      });
      scores.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return scores;
    });
  }

  function matches(token, include) {
    var folded = fold(token);
    return include.some(function (item) { return item.prefix ? folded.indexOf(item.word) === 0 : folded === item.word; });
  }

  function tokenize(text, include) {
    var tokens = [];
    var pattern = /[\p{L}\p{N}\p{Mn}]+/gu;
    var m;
    while ((m = pattern.exec(text)) !== null) tokens.push({ start: m.index, end: m.index + m[0].length, hit: matches(m[0], include) });
    return tokens;
  }

  // The line a hit cites: the turn's first line plus the line breaks before its first match
  // (the portal's search cites the same line).
  function lineOf(doc, tokens) {
    var first = tokens.find(function (t) { return t.hit; });
    return doc[1] + (first ? (doc[3].slice(0, first.start).match(/\n/g) || []).length : 0);
  }

  // The turn's text around its first match, matched words marked (built as DOM nodes: never markup).
  function snippet(text, tokens) {
    var first = tokens.findIndex(function (t) { return t.hit; });
    var from = first < 0 ? 0 : Math.max(0, first - CONTEXT_BEFORE);
    var to = Math.min(tokens.length - 1, (first < 0 ? 0 : first) + CONTEXT_AFTER);
    var p = document.createElement("p");
    p.className = "snippet";
    if (!tokens.length) {
      p.textContent = text;
      return p;
    }
    var at = tokens[from].start;
    if (from > 0) p.append("… ");
    for (var i = from; i <= to; i++) {
      var t = tokens[i];
      p.append(text.slice(at, t.start));
      if (t.hit) {
        var mark = document.createElement("mark");
        mark.textContent = text.slice(t.start, t.end);
        p.append(mark);
      } else {
        p.append(text.slice(t.start, t.end));
      }
      at = t.end;
    }
    if (to < tokens.length - 1) p.append(" …");
    else p.append(text.slice(at));
    return p;
  }

  function hitItem(meta, doc, include) {
    var session = meta.sessions[doc[0]];
    var speaker = doc[2] >= 0 ? meta.speakers[doc[2]] : null;
    var tokens = tokenize(doc[3], include);
    var line = lineOf(doc, tokens);
    var li = document.createElement("li");
    li.className = "hit";
    var title = document.createElement("a");
    title.className = "hit-title";
    title.href = new URL(session[0] + "#L" + line, root).href;
    title.textContent = session[1] + " — line " + line;
    li.append(title);
    var who = document.createElement("div");
    who.className = "who";
    if (speaker && speaker[1]) {
      var person = document.createElement("a");
      person.href = new URL(speaker[1], root).href;
      person.textContent = speaker[0];
      who.append(person);
    } else {
      who.textContent = speaker ? speaker[0] : "unnamed";
    }
    if (session[2]) who.append(" · " + session[2]);
    li.append(who, snippet(doc[3], tokens));
    return li;
  }

  function show(meta, ranked, include, shown, list, more) {
    var page = ranked.slice(shown, shown + PER_PAGE);
    var shards = Array.from(new Set(page.map(function (r) { return Math.floor(r[0] / meta.docs_per_shard); })));
    return Promise.all(shards.map(function (n) { return load("d-" + n + ".js"); })).then(function (loadedShards) {
      var docs = {};
      shards.forEach(function (n, i) { docs[n] = loadedShards[i]; });
      page.forEach(function (r) {
        var n = Math.floor(r[0] / meta.docs_per_shard);
        list.append(hitItem(meta, docs[n][r[0] - n * meta.docs_per_shard], include));
      });
      var next = shown + page.length;
      more.hidden = next >= ranked.length;
      more.onclick = function () { show(meta, ranked, include, next, list, more); };
      return next;
    });
  }

  function run() {
    var form = document.getElementById("publish-search");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-hits");
    var more = document.getElementById("search-more");
    if (!form || !status || !list || !more) return;
    var query = new URLSearchParams(location.search).get("q") || "";
    document.querySelectorAll('input[name="q"]').forEach(function (input) { input.value = query; });
    if (!query.trim()) return;
    status.textContent = "Searching…";
    load("meta.js").then(function (meta) {
      var parsed = parse(query, new Set(meta.stopwords));
      var note = parsed.ignored.length ? " (not searched for: " + parsed.ignored.join(", ") + ")" : "";
      if (!parsed.include.length) {
        status.textContent = "Give at least one word of two letters or more that is not a common word" + note + ".";
        return null;
      }
      return rank(meta, parsed.include, parsed.exclude).then(function (ranked) {
        if (!ranked.length) {
          status.textContent = "No turn matches “" + query + "”" + note + ".";
          return null;
        }
        status.textContent = ranked.length + (ranked.length === 1 ? " turn matches" : " turns match") + " “" + query + "”" + note + ".";
        return show(meta, ranked, parsed.include, 0, list, more);
      });
    }).catch(function (error) {
      status.textContent = "Search is not available: " + error.message + ".";
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
