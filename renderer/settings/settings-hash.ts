/**
 * The page's `#settings` fragment opens the Settings view: the desktop app's tray and
 * notifications open the window at `#settings`, and set or clear the fragment to switch an
 * open window. Returns the unsubscribe function.
 */
export function followSettingsHash(
  location: { readonly hash: string },
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  show: (settings: boolean) => void,
): () => void {
  if (location.hash === '#settings') show(true);
  const onChange = () => show(location.hash === '#settings');
  target.addEventListener('hashchange', onChange);
  return () => target.removeEventListener('hashchange', onChange);
}
