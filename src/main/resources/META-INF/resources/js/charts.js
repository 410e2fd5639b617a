// Charts on the organisers' pages. Each chart is drawn from the table inside its <figure data-chart>, which stays on
// the page: the table and the text beside it carry the figures for everyone (screen readers, no JavaScript, print);
// the drawing only repeats them and is hidden from assistive technology.
//   data-chart="bars": one bar per row (the row's header is the label), one series per number column;
//   data-chart="days": one point per row (a day), joined by lines, one line per number column;
//   data-columns="n": only the first n number columns are drawn (a number cell may carry its value in data-value);
//   data-max="n": the top of the value axis (e.g. 100 for percentages); otherwise a little above the largest value.
// The value axis always starts at 0.
(function () {
  'use strict';

  var COLOURS = ['#004b87', '#b35c00', '#5c6670', '#2e7d32'];

  function number(cell) {
    var n = parseFloat((cell.getAttribute('data-value') || cell.textContent).replace(',', '.'));
    return isNaN(n) ? 0 : n;
  }

  function read(table, limit) {
    var names = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1, 1 + limit).map(function (th) {
      return th.textContent.trim();
    });
    var labels = [];
    var columns = names.map(function () { return []; });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var header = row.querySelector('th');
      labels.push(header ? header.textContent.trim() : '');
      row.querySelectorAll('td').forEach(function (cell, i) {
        if (columns[i]) {
          columns[i].push(number(cell));
        }
      });
    });
    return { names: names, labels: labels, columns: columns };
  }

  function draw(figure) {
    var table = figure.querySelector('table');
    if (!table || typeof uPlot === 'undefined') {
      return;
    }
    var data = read(table, parseInt(figure.getAttribute('data-columns') || '99', 10));
    if (data.labels.length === 0) {
      return;
    }
    var overDays = figure.getAttribute('data-chart') === 'days';
    var top = parseFloat(figure.getAttribute('data-max') || '0');
    var xs = data.labels.map(function (_, i) { return i; });
    var bars = uPlot.paths.bars({ size: [0.6, 48] });
    var series = [{}].concat(data.names.map(function (name, i) {
      return { label: name, stroke: COLOURS[i % COLOURS.length], fill: COLOURS[i % COLOURS.length] + (overDays ? '33' : 'cc'),
        width: 2, paths: overDays ? undefined : bars, points: { show: overDays } };
    }));
    var box = document.createElement('div');
    box.className = 'chart-drawing';
    box.setAttribute('aria-hidden', 'true');
    figure.insertBefore(box, figure.firstChild);
    var width = Math.max(280, Math.min(720, figure.clientWidth || 600));
    new uPlot({
      width: width,
      height: 240,
      legend: { show: data.names.length > 1, live: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, data.labels.length - 0.5] },
        y: { range: function (u, min, max) { return [0, top || Math.max(1, max) * 1.15]; } }
      },
      axes: [
        { values: function (u, splits) {
          return splits.map(function (i) { return Number.isInteger(i) ? data.labels[i] : ''; });
        }, splits: function () { return xs; } },
        { size: 48 }
      ],
      series: series
    }, [xs].concat(data.columns), box);
  }

  function start() {
    document.querySelectorAll('figure[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
