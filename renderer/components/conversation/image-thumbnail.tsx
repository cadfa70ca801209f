/**
 * An image from a message or tool result as a small thumbnail with its type and size. The
 * page's CSP allows data: and blob: images, so base64 sources show as they are.
 */
import type { ImageRef } from '../../model/conversation-view.ts';
import { formatBytes } from '../../model/format.ts';

export function ImageThumbnail({ image }: { image: ImageRef }) {
  const caption = [
    image.mediaType,
    image.bytes !== undefined ? formatBytes(image.bytes) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <figure className="thumb">
      {image.src ? (
        <img src={image.src} alt={caption || 'image'} loading="lazy" />
      ) : (
        <div className="thumb-missing">image</div>
      )}
      {caption && <figcaption className="muted">{caption}</figcaption>}
    </figure>
  );
}
