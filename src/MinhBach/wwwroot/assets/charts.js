// Draws the statistics charts with Chart.js from the figures the page carries (#chart-data). Progressive
// enhancement: every chart's figures are also the table right after it, which stays for screen readers and
// for browsers without script.
(function () {
  'use strict';
  var data = document.getElementById('chart-data');
  if (!data || typeof window.Chart === 'undefined') return;
  var charts;
  try { charts = JSON.parse(data.textContent || '{}'); } catch (e) { return; }
  // Two colours that keep 4.5:1 against white and tell apart for the common colour-vision deficiencies.
  var colours = ['#1f4e79', '#b35c00', '#2e7d32', '#6a1b9a'];
  var numbers = new Intl.NumberFormat('vi-VN');
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var c = charts[canvas.getAttribute('data-chart')];
    if (!c || !c.labels || c.labels.length === 0) return;
    canvas.hidden = false;
    new window.Chart(canvas, {
      type: c.type,
      data: {
        labels: c.labels,
        datasets: c.series.map(function (s, i) {
          return { label: s.label, data: s.data, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], borderWidth: 2, pointRadius: 2 };
        })
      },
      options: {
        animation: false,
        responsive: true,
        aspectRatio: 2.5,
        plugins: { legend: { display: c.series.length > 1 }, tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + numbers.format(ctx.parsed.y); } } } },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return numbers.format(v); } } } }
      }
    });
  });
})();
