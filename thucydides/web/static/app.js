// Draws the page's charts from the JSON that the server embedded, and submits menus on change.
// Every figure comes from <script type="application/json" id="figure-NAME"> (see charts.py);
// a click on a point whose customdata is a local path ("/actor?actor=JPN") opens that page.
"use strict";
(function () {
  var CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  var OUTLINE = {
    type: "scatter", mode: "lines", fill: "toself", fillcolor: "#f4f1ea",
    line: { color: "#9e9e9e", width: 0.6 }, hoverinfo: "skip", showlegend: false, name: "countries"
  };

  function localPath(value) {
    return typeof value === "string" && value.charAt(0) === "/" && value.charAt(1) !== "/";
  }

  function draw(element, figure, extra) {
    var data = extra ? [extra].concat(figure.data) : figure.data;
    window.Plotly.newPlot(element, data, figure.layout, CONFIG).then(function () {
      element.dataset.drawn = "true";
      element.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && localPath(point.customdata)) {
          window.location.assign(point.customdata);
        }
      });
    });
  }

  function drawAll() {
    document.querySelectorAll("[data-figure]").forEach(function (element) {
      var source = document.getElementById(element.dataset.figure);
      if (!source || !window.Plotly) {
        return;
      }
      var figure = JSON.parse(source.textContent);
      if (!figure.outline) {
        draw(element, figure, null);
        return;
      }
      fetch(figure.outline)
        .then(function (response) { return response.json(); })
        .then(function (outline) {
          draw(element, figure, Object.assign({ x: outline.lon, y: outline.lat }, OUTLINE));
        })
        .catch(function () { draw(element, figure, null); });
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
    autoSubmit();
    shortLinks();
  });
})();
