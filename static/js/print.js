// The print view's "Print" button: shown only when JavaScript can press it for the visitor.
// Without JavaScript the page is already laid out for the browser's own Print command.
document.querySelectorAll(".print-button").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
