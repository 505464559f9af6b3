import QRCode from "qrcode";

/** A QR code as one SVG path (dark modules), drawn by the page as an inline <svg>: no image request, no script. */
export type QrPath = { size: number; path: string };

/**
 * The modules of a QR code for `text`, with the four-module quiet zone scanners need. Medium error
 * correction: an otpauth:// address stays small enough to scan from a laptop screen.
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  let path = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return { size: modules.size + quiet * 2, path };
}
