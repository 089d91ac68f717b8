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
