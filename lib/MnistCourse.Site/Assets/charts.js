// Draws the course's charts. Each chart is a <div> followed by a <script type="application/json"> (data, not code)
// that holds the figure the site re-serialised from the notebook: {"data": [...], "layout": {...}, "config": {...}}.
// Loaded with defer after plotly.min.js, so the page is parsed and window.Plotly defined when this runs.
(function () {
  var figures = document.querySelectorAll('script[type="application/json"].chart-figure');
  for (var i = 0; i < figures.length; i++) {
    var target = figures[i].previousElementSibling;
    if (!target || !target.classList.contains('chart')) continue;
    var figure = JSON.parse(figures[i].textContent);
    window.Plotly.newPlot(target, figure.data, figure.layout || {}, figure.config || {});
  }
})();
