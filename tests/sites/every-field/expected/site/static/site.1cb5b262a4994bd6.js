/* sitegen theme script: remember 长辈版, and read a page aloud where the browser can. No network, no trackers. */
(function () {
  "use strict";
  var KEY = "sitegen-care";
  var root = document.documentElement;
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }

  // The switch is a plain link (works with scripts off); here we also remember the choice.
  var links = document.querySelectorAll("a[data-care]");
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", function (event) {
      if (store) { try { store.setItem(KEY, event.currentTarget.getAttribute("data-care")); } catch (e) {} }
    });
  }
  // Someone who chose elder mode and then scans a poster lands on the standard page: take them across.
  if (store && !root.classList.contains("care")) {
    var choice = null;
    try { choice = store.getItem(KEY); } catch (e) {}
    var toCare = document.querySelector("a[data-care='on']");
    // (a search carried in the address, ?q=, goes along)
    if (choice === "on" && toCare) { window.location.replace(toCare.href.split("?")[0] + window.location.search); return; }
  }

  // 朗读: shown only where speech synthesis exists.
  var button = document.querySelector("[data-speak]");
  var synth = window.speechSynthesis;
  if (!button || !synth || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", function () {
    if (synth.speaking) { synth.cancel(); button.textContent = label; return; }
    var article = document.querySelector("[data-read]") || document.querySelector("main");
    var utterance = new window.SpeechSynthesisUtterance(article.innerText);
    utterance.lang = root.lang === "en" ? "en" : (root.lang === "zh-Hant" ? "zh-TW" : "zh-CN");
    utterance.rate = 0.9;
    utterance.onend = function () { button.textContent = label; };
    button.textContent = button.getAttribute("data-stop");
    synth.speak(utterance);
  });
})();
