// While a page has changes waiting for the database (or could not be read at all), it shows
// "Try again now" with data-auto="true"; this presses it every few seconds. A timer in the
// browser, not on the server: it keeps going when the server process or Redis is replaced.
// The state counts the presses and sets data-auto="false" when it has tried long enough.
setInterval(() => {
  const button = document.querySelector('#retry-saves[data-auto="true"]');
  if (button && !button.disabled) button.click();
}, 3000);
