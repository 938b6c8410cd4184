// Print buttons: the page's print stylesheet turns the cram sheet into a clean document.
document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
