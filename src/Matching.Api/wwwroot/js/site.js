// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add('js');

document.addEventListener('click', (event) => {
    const print = event.target.closest('[data-print]');
    if (print) {
        window.print();
    }
});

// Forms that change or remove something ask once more before they go.
document.addEventListener('submit', (event) => {
    const message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// The pair's personal link carries its credential after '#', which the browser never sends to the server.
// Move it into the sign-in form, drop it from the address bar, and submit.
(() => {
    const form = document.getElementById('pair-enter');
    const credential = window.location.hash.slice(1);
    if (!form || credential.length === 0) {
        return;
    }
    history.replaceState(null, '', window.location.pathname);
    form.querySelector('input[name=credential]').value = decodeURIComponent(credential);
    form.submit();
})();

// A form with an error summary puts the keyboard on it.
(() => {
    const summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
})();
