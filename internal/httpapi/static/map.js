// The evidence map's form: the columns cannot be of the rows' kind (the
// map refuses it), so that kind is taken out of the columns' choices
// whenever the rows change. The server leaves it out on every load too.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) return;
  var rows = form.elements.rows, cols = form.elements.cols;
  if (!rows || !cols) return;
  var kinds = Array.prototype.map.call(rows.options, function (o) { return o.value; });
  function sync() {
    var want = cols.value;
    while (cols.options.length) cols.remove(0);
    kinds.forEach(function (k) {
      if (k === rows.value) return;
      cols.add(new Option(k, k, false, k === want));
    });
    if (cols.value === "" || cols.value === rows.value) cols.selectedIndex = 0;
  }
  rows.addEventListener("change", sync);
  document.documentElement.dataset.mapForm = "ready";
})();
