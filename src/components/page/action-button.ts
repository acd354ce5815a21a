// A button that runs an asynchronous action, with a live status beside it (what the DuckDB check, the re-derive
// buttons and the large datasets share): disabled while the action runs; when it fails, the status says why in
// words, carries data-state="error", and the button can be pressed again.

/** The button and its status (an <output aria-live="polite">); `failure` words an error's message. */
export function actionButton(
  label: string, action: (status: HTMLOutputElement) => Promise<void>, failure: (message: string) => string,
  ariaLabel?: string
): {button: HTMLButtonElement; status: HTMLOutputElement} {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  if (ariaLabel) button.setAttribute("aria-label", ariaLabel);
  const status = document.createElement("output");
  status.setAttribute("aria-live", "polite");
  button.addEventListener("click", async () => {
    button.disabled = true;
    delete status.dataset.state;
    try {
      await action(status);
    } catch (error) {
      status.textContent = ` ${failure((error as Error).message)}`;
      status.dataset.state = "error";
    } finally {
      button.disabled = false;
    }
  });
  return {button, status};
}
