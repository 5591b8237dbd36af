import { EmbedCommand, type EmbedEvent, SOURCE } from '../../../domain/embed-messages.ts';

/**
 * The embed's side of the postMessage API. Commands are taken only from the page that frames us
 * and only in the shape `EmbedCommand` allows; events go to that page. The map is public and
 * read-only, so an event carries nothing a host may not see.
 */
export function listenToHost(onCommand: (command: EmbedCommand) => void): () => void {
  const listener = (event: MessageEvent) => {
    if (event.source !== window.parent || window.parent === window) return;
    const parsed = EmbedCommand.safeParse(event.data);
    if (parsed.success) onCommand(parsed.data);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

type EventBody = EmbedEvent extends infer E ? (E extends EmbedEvent ? Omit<E, 'source'> : never) : never;

export function tellHost(event: EventBody) {
  if (window.parent === window) return;
  window.parent.postMessage({ source: SOURCE, ...event }, '*');
}
