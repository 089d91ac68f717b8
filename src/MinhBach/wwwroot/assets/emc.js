// The EMC tracking snippet published by the national digital-government monitoring centre,
// with the site id read from this tag's data-site-id instead of being written inline.
var _govaq = window._govaq || [];
(function () {
  var me = document.currentScript;
  var siteId = me && me.getAttribute("data-site-id");
  if (!siteId || !/^\d+$/.test(siteId)) return;
  _govaq.push(['trackPageView']);
  _govaq.push(['enableLinkTracking']);
  _govaq.push(['setTrackerUrl', 'https://f-emc.ngsp.gov.vn/tracking']);
  _govaq.push(['setSiteId', siteId]);
  var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0];
  g.type = 'text/javascript'; g.async = true; g.defer = true;
  g.src = 'https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js';
  s.parentNode.insertBefore(g, s);
})();
