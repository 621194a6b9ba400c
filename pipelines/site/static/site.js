// Draws every chart from the JSON data block beside it, and sorts a table by the column header clicked.
// The data arrives as JSON (never as script), so text from report pages cannot run here.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (block) {
    var figure = JSON.parse(block.textContent);
    var target = document.getElementById(block.getAttribute("data-chart"));
    Plotly.newPlot(target, figure.data, figure.layout, { displaylogo: false, responsive: true });
  });
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (header, column) {
      header.addEventListener("click", function () {
        var numeric = header.getAttribute("data-type") === "number";
        var ascending = header.getAttribute("data-order") !== "ascending";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim();
          var y = b.cells[column].textContent.trim();
          var order = numeric ? (parseFloat(x.replace(/,/g, "")) || 0) - (parseFloat(y.replace(/,/g, "")) || 0)
                              : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        header.setAttribute("data-order", ascending ? "ascending" : "descending");
      });
    });
  });
});
