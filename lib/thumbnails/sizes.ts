/** The stored thumbnail's size (the card picture; also announced by oEmbed as thumbnail_width/height). */
export const THUMB_SIZE = { width: 480, height: 300 } as const;
