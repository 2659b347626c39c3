/* Citizen forms on pages that may come from the page cache, whose HTML never holds a CSRF token.
 *
 * Before a form marked data-csrf-fetch is sent, a token is fetched from that URL (/csrf-token/,
 * never cached; it also sets the csrftoken cookie) and put in the form's csrfmiddlewaretoken
 * field. The feedback form (data-enhance="feedback") is then sent in the background and answered
 * in place. Without JavaScript, or if anything here fails, the form is sent as it is and the
 * server answers with a one-click confirmation page instead: the form always works.
 */
(function () {
  "use strict";

  function tokenField(form) {
    var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "csrfmiddlewaretoken";
      form.appendChild(field);
    }
    return field;
  }

  function fetchToken(form) {
    return fetch(form.getAttribute("data-csrf-fetch"), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error("csrf"); }
      return response.json();
    }).then(function (data) { return data.token; });
  }

  function showStatus(form, text) {
    var status = form.querySelector(".feedback__status");
    if (status) { status.textContent = text; }
  }

  function sendFeedback(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (result) {
      if (result.status === 200 && result.data.ok) {
        Array.prototype.forEach.call(form.elements, function (element) { element.disabled = true; });
        showStatus(form, result.data.message);
        return;
      }
      if (result.status === 400 && result.data.errors) {
        var messages = [];
        Object.keys(result.data.errors).forEach(function (name) { messages = messages.concat(result.data.errors[name]); });
        showStatus(form, messages.join(" "));
        return;
      }
      if (result.data && result.data.message) { showStatus(form, result.data.message); return; }
      throw new Error("feedback");
    });
  }

  function submitPlainly(form) {
    form.setAttribute("data-token-ready", "1");
    HTMLFormElement.prototype.submit.call(form);
  }

  document.querySelectorAll("form[data-csrf-fetch]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-token-ready") === "1") { return; }
      event.preventDefault();
      fetchToken(form).then(function (token) {
        tokenField(form).value = token;
        if (form.getAttribute("data-enhance") === "feedback") {
          return sendFeedback(form).catch(function () { submitPlainly(form); });
        }
        submitPlainly(form);
      }).catch(function () { submitPlainly(form); });
    });
  });
}());
