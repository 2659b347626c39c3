/* The "Kênh tuyên truyền" tab: live reading time of the radio script, live SMS length and encoding,
   and copying the generated text into the override fields as a starting point. No inline script. */
(function () {
  "use strict";

  var GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var GSM_EXTENSION = "^{}\\[~]|€";

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[“”]/g, '"').replace(/[‘’]/g, "'")
      .replace(/[–—]/g, "-").replace(/…/g, "...").normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  function gsmLength(text) {
    var length = 0;
    for (var i = 0; i < text.length; i += 1) {
      var ch = text.charAt(i);
      if (GSM_EXTENSION.indexOf(ch) >= 0) { length += 2; } else if (GSM_BASIC.indexOf(ch) >= 0) { length += 1; } else { return -1; }
    }
    return length;
  }

  function words(text) {
    return text.split(/\s+/).filter(function (token) { return /[0-9A-Za-zÀ-ỹ]/.test(token); }).length;
  }

  function format(template, values) {
    return (template || "").replace(/%\((\w+)\)s/g, function (all, key) { return String(values[key]); });
  }

  function field(name) {
    return document.querySelector("[name^='channel_options-'][name$='-" + name + "']:not([name*='__prefix__'])");
  }

  function addOptionsForm() {
    var add = document.getElementById("id_channel_options-ADD");
    if (add && !field("radio_script")) { add.click(); }
  }

  function init(panel) {
    var pace = parseInt(panel.getAttribute("data-words-per-minute"), 10) || 130;
    var room = parseInt(panel.getAttribute("data-sms-room"), 10) || 0;
    var link = panel.getAttribute("data-sms-link") || "";
    var liveRadio = panel.querySelector("[data-channels-live='radio_script']");
    var liveSms = panel.querySelector("[data-channels-live='sms_text']");

    function update() {
      var radio = field("radio_script");
      if (radio && liveRadio) {
        var count = words(radio.value);
        var seconds = Math.ceil(count * 60 / pace);
        liveRadio.textContent = radio.value.trim()
          ? format(panel.getAttribute("data-text-radio"), { words: count, minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
          : "";
      }
      var sms = field("sms_text");
      if (sms && liveSms) {
        var text = sms.value.trim();
        if (!text) { liveSms.textContent = ""; return; }
        var folded = gsmLength(fold(text));
        var ucs = text.normalize("NFC").length;
        liveSms.textContent = format(panel.getAttribute("data-text-sms"), {
          gsm: folded < 0 ? "?" : folded, room: room, link: link.length, ucs: ucs, ucsRoom: 70 - link.length - 1
        }) + (folded > room ? " " + panel.getAttribute("data-text-too-long") : "");
      }
    }

    panel.querySelectorAll("[data-channels-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var name = button.getAttribute("data-channels-copy");
        addOptionsForm();
        window.setTimeout(function () {
          var target = field(name);
          var source = panel.querySelector("[data-channels-generated='" + name + "']");
          if (target && source) {
            target.value = name === "sms_text" ? ((document.getElementById("id_title") || {}).value || source.textContent) : source.value;
            target.dispatchEvent(new Event("input", { bubbles: true }));
            target.focus();
          }
        }, 50);
      });
    });
    document.addEventListener("input", function (event) {
      if (event.target && event.target.name && event.target.name.indexOf("channel_options-") === 0) { update(); }
    });
    update();
  }

  function start() { document.querySelectorAll("[data-channels-editor]").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
