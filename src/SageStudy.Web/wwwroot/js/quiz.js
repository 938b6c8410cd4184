// Quiz keyboard: 1–9 pick options, Enter checks or moves on. Also counts down an exam's time.
(function () {
  const form = document.querySelector('.quiz-form');
  if (form) {
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.matches('input[type=text], input[type=number], textarea, select')) return;

      if (/^[1-9]$/.test(event.key)) {
        const inputs = form.querySelectorAll('fieldset.options:not([disabled]) input[name=chosen]');
        const input = inputs[Number(event.key) - 1];
        if (input) {
          input.checked = input.type === 'checkbox' ? !input.checked : true;
          input.focus();
          event.preventDefault();
        }
        return;
      }

      if (event.key === 'Enter' && !(target instanceof HTMLButtonElement) && !(target instanceof HTMLAnchorElement)) {
        const button = Array.from(document.querySelectorAll('.quiz-actions button'))
          .find((b) => ['Check', 'Next', 'Finish'].includes(b.textContent.trim()));
        if (button) {
          event.preventDefault();
          button.click();
        }
      }
    });
  }

  const timer = document.querySelector('.timer[data-deadline]');
  if (timer) {
    const deadline = Date.parse(timer.dataset.deadline);
    const tick = () => {
      const left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      const minutes = Math.floor(left / 60);
      const seconds = String(left % 60).padStart(2, '0');
      timer.textContent = `${minutes}:${seconds}`;
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  }
})();
