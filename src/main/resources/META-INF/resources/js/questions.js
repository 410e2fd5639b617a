// Conditional questions of a registration form. The server decides which questions count (a question whose condition
// is not met is ignored there); without this script every question is shown with its "only if ..." hint. With it, a
// question whose condition is not met is hidden, and shown again as soon as the answer it depends on is given.
(function () {
  'use strict';

  function met(form, question) {
    var name = question.getAttribute('data-shown-if');
    var value = question.getAttribute('data-shown-value');
    return Array.prototype.some.call(form.elements, function (input) {
      if (input.name !== name || input.closest('[hidden]')) {
        return false;
      }
      var chosen = input.type === 'radio' || input.type === 'checkbox' ? input.checked : true;
      return chosen && input.value === value;
    });
  }

  function update(form) {
    // in document order: a condition refers to an earlier question, whose own visibility is already settled
    form.querySelectorAll('[data-shown-if]').forEach(function (question) {
      question.hidden = !met(form, question);
    });
  }

  document.querySelectorAll('form').forEach(function (form) {
    if (form.querySelector('[data-shown-if]')) {
      update(form);
      form.addEventListener('change', function () {
        update(form);
      });
    }
  });
})();
