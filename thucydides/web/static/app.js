// Draws the page's charts from the JSON that the server embedded, and submits menus on change.
// Every figure comes from <script type="application/json" id="figure-NAME"> (see charts.py) and
// is drawn by static/chart.js; a map's country shapes are fetched from the address it names.
"use strict";
(function () {
  var drawn = [];

  function drawAll() {
    document.querySelectorAll("[data-figure]").forEach(function (element) {
      var source = document.getElementById(element.dataset.figure);
      if (!source || !window.ThucydidesCharts) {
        return;
      }
      var figure = JSON.parse(source.textContent);
      if (!figure.outline) {
        window.ThucydidesCharts.draw(element, figure, null);
        drawn.push({ element: element, figure: figure, width: element.clientWidth });
        return;
      }
      fetch(figure.outline)
        .then(function (response) { return response.json(); })
        .then(function (outline) { window.ThucydidesCharts.draw(element, figure, outline); })
        .catch(function () { window.ThucydidesCharts.draw(element, figure, null); });
    });
  }

  function redrawWhenResized() {
    // Bars and networks are drawn at the chart's width in pixels, so that their text stays readable.
    var waiting = null;
    window.addEventListener("resize", function () {
      clearTimeout(waiting);
      waiting = setTimeout(function () {
        drawn.forEach(function (chart) {
          if (Math.abs(chart.element.clientWidth - chart.width) > 20) {
            chart.width = chart.element.clientWidth;
            window.ThucydidesCharts.draw(chart.element, chart.figure, null);
          }
        });
        document.querySelectorAll(".chart[data-view]").forEach(function (element) {
          if (element.mapResize) { element.mapResize(); }
        });
      }, 150);
    });
  }

  function autoSubmit() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  function shortLinks() {
    // Leave empty fields out of the address, so that it shows only the filters in use.
    document.querySelectorAll("form.filters, form.sort, form.search").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (field) {
          if (field.value === "" || (field.name === "unit" && field.value === "events")) {
            field.disabled = true;
          }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll();
    redrawWhenResized();
    autoSubmit();
    shortLinks();
  });
})();
