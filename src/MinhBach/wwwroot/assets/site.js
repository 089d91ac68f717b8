// Progressive enhancement only: text size and contrast, remembered on this device. Pages work without it.
(function () {
  var root = document.documentElement;
  var sizes = ["text-smaller", "", "text-larger", "text-largest"];
  function load(key, fallback) { try { return localStorage.getItem(key) || fallback; } catch (e) { return fallback; } }
  function save(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  var size = parseInt(load("mb-size", "1"), 10);
  if (!(size >= 0 && size < sizes.length)) size = 1;
  var contrast = load("mb-contrast", "0") === "1";
  function apply() {
    sizes.forEach(function (c) { if (c) root.classList.remove(c); });
    if (sizes[size]) root.classList.add(sizes[size]);
    root.classList.toggle("contrast", contrast);
    var b = document.querySelector('[data-display="contrast"]');
    if (b) b.setAttribute("aria-pressed", contrast ? "true" : "false");
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector(".display-controls");
    if (!box) return;
    box.hidden = false;
    apply();
    box.addEventListener("click", function (e) {
      var action = e.target.getAttribute && e.target.getAttribute("data-display");
      if (action === "larger" && size < sizes.length - 1) size++;
      if (action === "smaller" && size > 0) size--;
      if (action === "contrast") contrast = !contrast;
      save("mb-size", String(size));
      save("mb-contrast", contrast ? "1" : "0");
      apply();
    });
  });
})();

// The rating form ("Thông tin này có hữu ích không?") answers in place; without this script it posts and comes back.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form.hasAttribute || !form.hasAttribute("data-rating") || form.getAttribute("data-sent") === "1" || !window.fetch || !window.FormData) return;
  var button = e.submitter;
  if (!button || !button.name) return;
  e.preventDefault();
  var data = new FormData(form);
  data.append(button.name, button.value);
  form.setAttribute("aria-busy", "true");
  fetch(form.action, { method: "POST", body: data, headers: { "X-Requested-With": "fetch", "Accept": "application/json" }, credentials: "same-origin" })
    .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
    .then(function (r) {
      var message = document.createElement("p");
      message.setAttribute("role", r.body.ok ? "status" : "alert");
      message.className = r.body.ok ? "rating-done" : "errors";
      message.textContent = r.body.message || "";
      if (r.body.ok) { form.replaceWith(message); return; }
      form.removeAttribute("aria-busy");
      var old = form.querySelector(".errors");
      if (old) old.remove();
      form.insertBefore(message, form.firstChild);
    })
    .catch(function () {
      // The network or the server failed: post the form the ordinary way.
      form.setAttribute("data-sent", "1");
      if (form.requestSubmit) form.requestSubmit(button); else form.submit();
    });
});
