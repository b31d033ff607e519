// A first visit to /review (issue #20; README "Decisions") shows the first card prerendered in the
// page, and asks here for the deck files, beside the app's scripts instead of after them; the app takes these responses
// (src/lib/services/deck-files.ts) and checks them as any. Only review.html loads this file (see
// src/hooks.server.ts), after boot.js, so it runs before the app; the same conditions as
// services/deck-prefetch.ts: review over every deck, IndexedDB there and never opened by this
// browser (the key services/first-visit.ts sets). The first note's file holds the first card.
//
// The page's script preloads come before this file as rel="tabledeck-after-paint" (see
// src/lib/server/head-order.ts): on a first visit they are asked for once the card is painted,
// so the paint shares the link with nothing; on any other visit at once.
(function () {
	var first = false;
	try {
		var script = document.currentScript;
		var base = script ? new URL('.', script.src).pathname.replace(/\/$/, '') : '';
		if (new URLSearchParams(location.search).has('deck')) return;
		if (!window.indexedDB || localStorage.getItem('tabledeck' + base + '.databaseOpened') === '1') return;
		first = true;
		// The page's prerendered first card shows (see src/routes/review/+page.svelte). What is asked
		// of it before the app runs is kept for the app, in order (services/deck-prefetch.ts
		// takeEarlyInput): "reveal" (a tap on the card or Show answer, Space or Enter; more of them in
		// a row are one: nothing answered the first) and each rating key 1-4 that follows one.
		document.documentElement.setAttribute('data-first-visit', '');
		var input = (window.__tabledeckEarlyInput = { steps: [], taken: false });
		var last = function () {
			return input.steps[input.steps.length - 1];
		};
		var reveal = function () {
			if (!input.taken && last() !== 'reveal') input.steps.push('reveal');
		};
		document.addEventListener(
			'click',
			function (event) {
				var target = event.target;
				if (target && target.closest && target.closest('[data-early-reveal]') && !target.closest('a')) reveal();
			},
			true
		);
		document.addEventListener(
			'keydown',
			function (event) {
				var target = event.target;
				if (input.taken || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
				if (target && target.closest && target.closest('input, textarea, select, a, summary')) return;
				if (event.key === ' ' || event.key === 'Enter') {
					if (event.key === ' ' && !(target && target.closest && target.closest('button'))) event.preventDefault();
					reveal();
				} else if (last() === 'reveal' && /^[1-4]$/.test(event.key)) input.steps.push(Number(event.key));
			},
			true
		);
		var files = (window.__tabledeckDeckFiles = {});
		var get = function (path) {
			var pending = fetch(base + '/decks/' + path).then(function (response) {
				if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
				return response.json();
			});
			// A failure is the app's to report, when it takes the file.
			pending.catch(function () {});
			return (files[path] = pending);
		};
		get('index.json').then(function (index) {
			var first = index && index.notes && index.notes[0];
			if (first && typeof first.json === 'string') get(first.json);
		});
	} catch (_error) {
		/* the app fetches them itself */
	} finally {
		var preload = function () {
			var links = document.querySelectorAll('link[rel="tabledeck-after-paint"]');
			for (var i = 0; i < links.length; i++) links[i].rel = 'modulepreload';
		};
		if (first) {
			requestAnimationFrame(function () {
				setTimeout(preload);
			});
		} else preload();
	}
})();
