// Print buttons ([data-print]) without inline handlers, which the content security policy forbids.
// Listening on the document keeps working across Blazor's page updates.
document.addEventListener('click', function (e) {
    if (e.target instanceof Element && e.target.closest('[data-print]')) {
        window.print();
    }
});
