// Back-office enhancements. Every form works without this file; with it, uploads show progress
// and are checked one by one, and rich-text fields get a small editor. No inline script is needed.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function text(tag, content, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = content;
    return el;
  }

  // Uploads: each chosen file goes up on its own with a progress bar; refusals say why, in Thai.
  function setUpUploader(section) {
    var form = section.querySelector("[data-upload-form]");
    var input = form.querySelector("input[type=file]");
    var status = form.querySelector("[data-upload-status]");
    var list = section.querySelector("[data-file-list]");
    var button = form.querySelector("[data-upload-submit]");

    function hidden(name, value) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      return input;
    }

    // The same row the page renders after a reload: type, link, size and a working remove form.
    function addRow(file) {
      var li = document.createElement("li");
      var type = text("span", (file.extension || "").toUpperCase(), "file-type " + (file.extension || ""));
      var link = text("a", file.name);
      link.href = file.url;
      li.appendChild(type);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(text("span", file.label, "muted small"));
      if (file.delete_url) {
        var remove = document.createElement("form");
        remove.method = "post";
        remove.action = file.delete_url;
        remove.appendChild(hidden("csrfmiddlewaretoken", csrfToken(form)));
        var back = form.querySelector("input[name=back]");
        remove.appendChild(hidden("back", back ? back.value : window.location.pathname));
        var button = text("button", list.getAttribute("data-remove-label") || "นำออก", "linklike");
        button.type = "submit";
        button.appendChild(text("span", " " + file.name, "visually-hidden"));
        remove.appendChild(button);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(remove);
      }
      list.appendChild(li);
    }

    function uploadOne(file, done) {
      var row = document.createElement("div");
      var label = text("span", file.name + " ");
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", file.name);
      row.appendChild(label);
      row.appendChild(bar);
      status.appendChild(row);
      var data = new FormData();
      data.append("file", file);
      data.append("kind", "content");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", section.getAttribute("data-url"));
      xhr.setRequestHeader("X-CSRFToken", csrfToken(form));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener("load", function () {
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = {ok: false, error: "ระบบตอบกลับไม่ถูกต้อง โปรดลองอีกครั้ง"}; }
        row.removeChild(bar);
        if (answer.ok && answer.already_attached) {
          label.className = "upload-notice";
          label.textContent = file.name + " — " + answer.message;
        } else if (answer.ok) {
          label.textContent = file.name + " — อัปโหลดแล้ว";
          addRow(answer.file);
        } else {
          label.className = "upload-error";
          label.textContent = file.name + " — " + (answer.error || "อัปโหลดไม่สำเร็จ");
        }
        done();
      });
      xhr.addEventListener("error", function () {
        row.removeChild(bar);
        label.className = "upload-error";
        label.textContent = file.name + " — การเชื่อมต่อขัดข้อง โปรดลองอีกครั้ง";
        done();
      });
      xhr.send(data);
    }

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !input.files.length) return;
      event.preventDefault();
      var files = Array.prototype.slice.call(input.files);
      button.disabled = true;
      (function next() {
        if (!files.length) { button.disabled = false; input.value = ""; return; }
        uploadOne(files.shift(), next);
      })();
    });
  }

  // A small rich-text editor over a textarea: bold, italic, headings, lists, links. The server
  // sanitises whatever arrives, so this only has to be pleasant.
  var COMMANDS = [
    ["bold", "ตัวหนา"], ["italic", "ตัวเอียง"], ["formatBlock:h3", "หัวข้อย่อย"],
    ["insertUnorderedList", "• รายการ"], ["insertOrderedList", "1. รายการ"],
    ["createLink", "ลิงก์"], ["removeFormat", "ล้างรูปแบบ"]
  ];

  function setUpEditor(textarea) {
    if (!document.execCommand) return;
    var toolbar = document.createElement("div");
    toolbar.className = "editor-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "จัดรูปแบบข้อความ");
    var area = document.createElement("div");
    area.className = "editor-area content";
    area.contentEditable = "true";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    var label = document.querySelector("label[for='" + textarea.id + "']");
    if (label) {
      if (!label.id) label.id = textarea.id + "-label";
      area.setAttribute("aria-labelledby", label.id);
    }
    area.innerHTML = textarea.value;
    COMMANDS.forEach(function (command) {
      var button = text("button", command[1]);
      button.type = "button";
      button.addEventListener("click", function () {
        area.focus();
        var parts = command[0].split(":");
        if (parts[0] === "createLink") {
          var url = window.prompt("ที่อยู่ลิงก์ (https://…)", "https://");
          if (url) document.execCommand("createLink", false, url);
        } else {
          document.execCommand(parts[0], false, parts[1] || null);
        }
      });
      toolbar.appendChild(button);
    });
    textarea.hidden = true;
    textarea.parentNode.insertBefore(toolbar, textarea);
    textarea.parentNode.insertBefore(area, textarea);
    // Buttons may sit outside the form (form="…"): copy the editor's text before any submit.
    textarea.form.addEventListener("submit", function () { textarea.value = area.innerHTML; });
  }

  // Thai date fields: as the person types, say which date the server's parser understood (the same parser
  // the form uses on submit), so "1/10/2569" is seen as "1 ตุลาคม 2569" before anything is saved.
  function setUpThaiDate(input) {
    var output = document.querySelector("[data-understood-for='" + input.id + "']");
    if (!output) return;
    var timer = null, asked = "";
    function ask() {
      var value = input.value.trim();
      if (value === asked) return;
      asked = value;
      if (!value) { output.textContent = ""; output.classList.remove("error"); return; }
      var url = "/backoffice/thai-date/?value=" + encodeURIComponent(value) + (output.dataset.withTime ? "&time=1" : "");
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          if (input.value.trim() !== value) return;
          output.textContent = answer.understood ? "= " + answer.understood : (answer.error || "");
          output.classList.toggle("error", !answer.understood);
        })
        .catch(function () {});
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 300); });
    input.addEventListener("blur", ask);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-thai-date]"), setUpThaiDate);
    Array.prototype.forEach.call(document.querySelectorAll("[data-uploader]"), setUpUploader);
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-editor=rich]"), setUpEditor);
  });
})();
