// Rich-text editing for textarea[data-rich-text] with Quill (from npm at build time). Without
// JavaScript the plain textarea still works; the server sanitises whatever arrives either way.
(function () {
  if (!window.Quill) return;
  var token = document.querySelector('input[name="__RequestVerificationToken"]');
  document.querySelectorAll("textarea[data-rich-text]").forEach(function (area) {
    var host = document.createElement("div");
    host.className = "rich-editor";
    area.parentNode.insertBefore(host, area.nextSibling);
    area.hidden = true;
    var quill = new Quill(host, {
      theme: "snow",
      // Only what the toolbar offers (plus list indentation): without this list Quill keeps every format it knows, so
      // pasted web content could bring frames (its "video" embed), colours, fonts or code blocks into the editor.
      formats: ["header", "bold", "italic", "underline", "list", "indent", "link", "image", "blockquote"],
      modules: {
        toolbar: {
          container: [[{ header: [2, 3, false] }], ["bold", "italic", "underline"], [{ list: "ordered" }, { list: "bullet" }],
            ["link", "image", "blockquote"], ["clean"]],
          handlers: { image: pickImage }
        }
      }
    });
    var editor = host.querySelector(".ql-editor");
    // A named multi-line text box for screen readers (aria-label alone is not allowed on a plain div).
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("aria-label", area.getAttribute("aria-label") || "Nội dung bài viết");
    host.parentNode.querySelectorAll(".ql-picker-label").forEach(function (b) { b.setAttribute("aria-label", "Kiểu đoạn văn"); });
    // Pasted Word or web content goes through Quill's clipboard, which keeps only the formats above.
    quill.clipboard.dangerouslyPasteHTML(area.value || "");
    area.form.addEventListener("submit", function () { area.value = quill.getSemanticHTML(); });

    function pickImage() {
      var input = document.createElement("input");
      input.type = "file";
      input.accept = "image/jpeg,image/png,image/gif,image/webp";
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        var alt = "";
        while (!alt) {
          alt = window.prompt("Mô tả ảnh (alt) cho người khiếm thị — bắt buộc:", "");
          if (alt === null) return;
          alt = alt.trim();
        }
        var data = new FormData();
        data.append("Upload", file);
        data.append("Alt", alt);
        if (token) data.append("__RequestVerificationToken", token.value);
        fetch(area.getAttribute("data-upload-url"), { method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
          // Refusals come back as JSON { error } in Vietnamese; anything else (a proxy's page) gets a generic message.
          .then(function (r) {
            return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, status: r.status, body: j }; });
          })
          .then(function (res) {
            if (!res.ok || !res.body.url) { window.alert(res.body.error || "Không tải được ảnh (mã lỗi " + res.status + ")."); return; }
            var at = (quill.getSelection(true) || { index: quill.getLength() }).index;
            quill.insertEmbed(at, "image", res.body.url, "user");
            quill.formatText(at, 1, "alt", res.body.alt, "user");
            quill.setSelection(at + 1, 0);
          })
          .catch(function () { window.alert("Không tải được ảnh: mất kết nối."); });
      });
      input.click();
    }
  });
})();
